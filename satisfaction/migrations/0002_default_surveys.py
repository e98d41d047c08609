"""The four surveys and their questions, in plain English and Danish.

Built on Swedish and Dutch municipal practice: the information given, how clear it was which documents
were needed, how easy it was to reach the right person, how people were treated, the processing time,
and the overall impression. At most four questions each, on a 1 to 5 scale, plus free text. Editable
in the admin afterwards; loading again changes nothing that exists.
"""

from django.db import migrations

SURVEYS = [
    {
        "touchpoint": "dialogue_contact",
        "title_en": "How did we do when you contacted us?",
        "title_da": "Hvordan klarede vi os, da du kontaktede os?",
        "intro_en": "You were recently in touch with our dialogue team about building. A few short questions: "
                    "it takes about a minute.",
        "intro_da": "Du har for nylig været i kontakt med vores dialogteam om byggeri. Nogle få korte spørgsmål: "
                    "det tager cirka et minut.",
        "questions": [
            ("How easy was it to reach the right person?", "Hvor let var det at komme i kontakt med den rette person?",
             "Very hard", "Meget svært", "Very easy", "Meget let"),
            ("How well did we answer your question?", "Hvor godt svarede vi på dit spørgsmål?",
             "Not at all", "Slet ikke", "Fully", "Helt og fuldt"),
            ("How were you treated?", "Hvordan blev du behandlet?",
             "Very badly", "Meget dårligt", "Very well", "Meget godt"),
            ("Overall, how satisfied are you with the help you got?",
             "Hvor tilfreds er du alt i alt med den hjælp, du fik?",
             "Very dissatisfied", "Meget utilfreds", "Very satisfied", "Meget tilfreds"),
        ],
    },
    {
        "touchpoint": "predialogue_meeting",
        "title_en": "How was your pre-application meeting?",
        "title_da": "Hvordan var dit forhåndsmøde?",
        "intro_en": "You recently had a pre-application meeting with us. A few short questions: it takes about "
                    "a minute.",
        "intro_da": "Du har for nylig holdt et forhåndsmøde med os. Nogle få korte spørgsmål: det tager cirka "
                    "et minut.",
        "questions": [
            ("How useful was the meeting for your project?", "Hvor nyttigt var mødet for dit projekt?",
             "Not useful", "Slet ikke nyttigt", "Very useful", "Meget nyttigt"),
            ("How clear is it now which documents your application must include?",
             "Hvor klart er det nu, hvilke dokumenter din ansøgning skal indeholde?",
             "Not clear at all", "Slet ikke klart", "Completely clear", "Helt klart"),
            ("How were you treated?", "Hvordan blev du behandlet?",
             "Very badly", "Meget dårligt", "Very well", "Meget godt"),
            ("Overall, how satisfied are you with the meeting?", "Hvor tilfreds er du alt i alt med mødet?",
             "Very dissatisfied", "Meget utilfreds", "Very satisfied", "Meget tilfreds"),
        ],
    },
    {
        "touchpoint": "submission",
        "title_en": "How was it to apply?",
        "title_da": "Hvordan var det at søge?",
        "intro_en": "Thank you for your application. A few short questions about applying: it takes less than "
                    "a minute.",
        "intro_da": "Tak for din ansøgning. Nogle få korte spørgsmål om at søge: det tager under et minut.",
        "questions": [
            ("How easy was it to apply?", "Hvor let var det at søge?",
             "Very hard", "Meget svært", "Very easy", "Meget let"),
            ("How clear was it which documents you had to send?",
             "Hvor klart var det, hvilke dokumenter du skulle sende?",
             "Not clear at all", "Slet ikke klart", "Completely clear", "Helt klart"),
            ("How helpful was the information and guidance on the website?",
             "Hvor nyttig var informationen og vejledningen på hjemmesiden?",
             "Not helpful", "Slet ikke nyttig", "Very helpful", "Meget nyttig"),
        ],
    },
    {
        "touchpoint": "decision",
        "title_en": "How did we handle your application?",
        "title_da": "Hvordan behandlede vi din ansøgning?",
        "intro_en": "We have decided on your application. Whatever the decision, we would like to know how you "
                    "found the way we handled it. A few short questions: it takes less than a minute.",
        "intro_da": "Vi har truffet afgørelse i din sag. Uanset afgørelsen vil vi gerne vide, hvordan du oplevede "
                    "vores behandling af den. Nogle få korte spørgsmål: det tager under et minut.",
        "questions": [
            ("How were you treated while we handled your application?",
             "Hvordan blev du behandlet, mens vi arbejdede med din ansøgning?",
             "Very badly", "Meget dårligt", "Very well", "Meget godt"),
            ("How reasonable was the time it took to get a decision?",
             "Hvor rimelig var den tid, det tog at få en afgørelse?",
             "Not reasonable at all", "Slet ikke rimelig", "Very reasonable", "Meget rimelig"),
            ("Overall, how satisfied are you with how we handled your application?",
             "Hvor tilfreds er du alt i alt med vores behandling af din ansøgning?",
             "Very dissatisfied", "Meget utilfreds", "Very satisfied", "Meget tilfreds"),
        ],
    },
]


def create_surveys(apps, schema_editor):
    Survey = apps.get_model("satisfaction", "Survey")
    Question = apps.get_model("satisfaction", "Question")
    for data in SURVEYS:
        fields = {k: v for k, v in data.items() if k not in ("touchpoint", "questions")}
        survey, created = Survey.objects.get_or_create(touchpoint=data["touchpoint"], defaults=fields)
        if not created:
            continue
        for position, (text_en, text_da, low_en, low_da, high_en, high_da) in enumerate(data["questions"], 1):
            Question.objects.create(survey=survey, position=position, text_en=text_en, text_da=text_da,
                                    low_label_en=low_en, low_label_da=low_da, high_label_en=high_en,
                                    high_label_da=high_da)


class Migration(migrations.Migration):
    dependencies = [("satisfaction", "0001_initial")]

    operations = [migrations.RunPython(create_surveys, migrations.RunPython.noop)]
