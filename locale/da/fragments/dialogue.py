# Danish for the dialogue team: lookup, case card, contact log, forwarded questions, questions from
# the case page and help codes for drafts.
T = {
    # Navigation and lookup
    "Dialogue": "Dialog",
    "Find a case": "Find en sag",
    "Reference, address, name, e-mail, phone or cadastral number":
        "Sagsnummer, adresse, navn, e-mail, telefon eller matrikelnummer",
    "At least three letters or digits. Parts of words work too: “nørrebro 12” or “jens”.":
        "Mindst tre bogstaver eller tal. Dele af ord virker også: “nørrebro 12” eller “jens”.",
    "Type at least three letters or digits in one word.": "Skriv mindst tre bogstaver eller tal i ét ord.",
    "%(n)s case found": ["%(n)s sag fundet", "%(n)s sager fundet"],
    "More than %(limit)s cases match. The best matches are shown: add to the search, for example the house "
    "number or the first name.":
        "Mere end %(limit)s sager passer. De bedste vises: skriv mere i søgningen, for eksempel husnummeret "
        "eller fornavnet.",
    "No case matches. Check the spelling, try part of the address or the name, or ask for the reference on the "
    "receipt. Drafts cannot be found: ask the applicant for a help code.":
        "Ingen sager passer. Tjek stavningen, prøv en del af adressen eller navnet, eller spørg efter "
        "sagsnummeret på kvitteringen. Kladder kan ikke findes: bed ansøgeren om en hjælpekode.",
    "Expected decision %(day)s": "Forventet afgørelse %(day)s",
    "No expected date": "Ingen forventet dato",
    "No caseworker yet": "Ingen sagsbehandler endnu",
    "Caseworker:": "Sagsbehandler:",
    "Questions from applicants": "Spørgsmål fra ansøgere",
    "No questions are waiting.": "Der venter ingen spørgsmål.",
    "New answers from caseworkers": "Nye svar fra sagsbehandlere",
    "General question": "Generelt spørgsmål",
    "No new answers.": "Ingen nye svar.",
    "Waiting for a caseworker": "Venter på en sagsbehandler",
    "No forwarded questions are waiting.": "Der venter ingen videresendte spørgsmål.",
    "due %(day)s": "frist %(day)s",
    "Help with a draft": "Hjælp med en kladde",
    "Log a contact": "Registrér en henvendelse",
    "Contact log": "Henvendelseslog",

    # Case card
    "Case card": "Sagskort",
    "Case %(ref)s": "Sag %(ref)s",
    "Expected decision:": "Forventet afgørelse:",
    "First promised: %(day)s.": "Først lovet: %(day)s.",
    "%(days)s day since the application was sent.": ["%(days)s dag siden ansøgningen blev sendt.",
                                                     "%(days)s dage siden ansøgningen blev sendt."],
    "Paused %(days)s day while we waited for information.": [
        "Sat på pause i %(days)s dag, mens vi ventede på oplysninger.",
        "Sat på pause i %(days)s dage, mens vi ventede på oplysninger."],
    "No expected date yet.": "Ingen forventet dato endnu.",
    "An information request is open, due %(day)s.": "Der er en åben anmodning om oplysninger med frist %(day)s.",
    "What is outstanding": "Hvad mangler",
    "Nothing is outstanding from the applicant.": "Ansøgeren mangler ikke at sende noget.",
    "What could be changed:": "Hvad der kan ændres:",
    "Start a pre-application request for the caller": "Start en anmodning om forhåndsmøde for den, der ringer",
    "Request a pre-application meeting (public page)": "Anmod om et forhåndsmøde (offentlig side)",
    "Minutes of meeting %(id)s": "Referat af møde %(id)s",
    "The case started from pre-application meeting %(id)s.": "Sagen startede fra forhåndsmøde %(id)s.",
    "Recent events": "Seneste hændelser",
    "Nothing yet.": "Intet endnu.",
    "Contacts about this case": "Henvendelser om sagen",
    "Our answer:": "Vores svar:",
    "Forwarded question": "Videresendt spørgsmål",
    "Answer from %(name)s:": "Svar fra %(name)s:",
    "Not answered yet; due %(day)s.": "Ikke besvaret endnu; frist %(day)s.",
    "No contacts logged.": "Ingen henvendelser registreret.",
    "Log a contact about this case": "Registrér en henvendelse om sagen",
    "Direct phone:": "Direkte telefon:",
    "No caseworker yet: the case is in the triage queue.": "Ingen sagsbehandler endnu: sagen er i visitationskøen.",
    "Applicant": "Ansøger",
    "Applies for the owner %(name)s.": "Søger for ejeren %(name)s.",
    "Property": "Ejendom",
    "Cadastral number:": "Matrikelnummer:",
    "Property number:": "Ejendomsnummer:",
    "Zoning plan:": "Lokalplan:",
    "The project": "Projektet",
    "Decision": "Afgørelse",
    "Status": "Status",
    "Pre-application meeting": "Forhåndsmøde",
    "Paused: waiting for information": "Sat på pause: venter på oplysninger",
    "On track": "Følger planen",
    "At risk": "I risiko",
    "Overdue": "Over tid",
    "Decided in time": "Afgjort til tiden",
    "Decided late": "Afgjort for sent",
    "Internal": "Intern",

    # Contact form and log
    "How did they contact us?": "Hvordan kontaktede de os?",
    "Choose how the person contacted us.": "Vælg, hvordan personen kontaktede os.",
    "What was it about?": "Hvad drejede det sig om?",
    "Choose a topic": "Vælg et emne",
    "Choose what the contact was about.": "Vælg, hvad henvendelsen drejede sig om.",
    "Customer group": "Kundegruppe",
    "Choose the customer group.": "Vælg kundegruppen.",
    "Case reference (optional)": "Sagsnummer (frivilligt)",
    "For example B-2026-00042. Leave it empty for a general question.":
        "For eksempel B-2026-00042. Lad feltet stå tomt ved et generelt spørgsmål.",
    "Note": "Notat",
    "What they asked and what you told them.": "Hvad de spurgte om, og hvad du svarede.",
    "Resolved at first contact": "Løst ved første kontakt",
    "Question for the caseworker": "Spørgsmål til sagsbehandleren",
    "The case's caseworker gets it as an advisory; without a caseworker it goes to the triage queue. Answer "
    "expected within two working days.":
        "Sagens sagsbehandler får det som en advisering; uden sagsbehandler går det til visitationskøen. Svar "
        "forventes inden for to arbejdsdage.",
    "Caller's name (optional)": "Navn på den, der henvender sig (frivilligt)",
    "Caller's e-mail (optional)": "E-mail på den, der henvender sig (frivilligt)",
    "So we can ask how satisfied they were.": "Så vi kan spørge, hvor tilfredse de var.",
    "Forward a question to the caseworker": "Send et spørgsmål videre til sagsbehandleren",
    "The caller's name and e-mail": "Navn og e-mail på den, der henvender sig",
    "Log the contact": "Registrér henvendelsen",
    "Log every call, e-mail and visit at the desk, also when you answered right away. Link the case when the "
    "contact was about one.":
        "Registrér alle opkald, e-mails og besøg i skranken, også når du svarede med det samme. Knyt sagen til, "
        "når henvendelsen handlede om en sag.",
    "The 50 most recent contacts, newest first.": "De 50 seneste henvendelser, nyeste først.",
    "When": "Hvornår",
    "Channel": "Kanal",
    "Topic": "Emne",
    "Case": "Sag",
    "Forwarded": "Videresendt",
    "Yes": "Ja",
    "No": "Nej",
    "Answered": "Besvaret",
    "Waiting": "Venter",
    "No contacts logged yet.": "Ingen henvendelser registreret endnu.",
    "The contact is logged.": "Henvendelsen er registreret.",
    "the triage queue": "visitationskøen",
    "The question is forwarded to %(who)s.": "Spørgsmålet er sendt videre til %(who)s.",

    # Model labels and choices
    "case search entry": "sagssøgepost",
    "case search entries": "sagssøgeposter",
    "search word": "søgeord",
    "search words": "søgeord",
    "Phone": "Telefon",
    "E-mail": "E-mail",
    "At the desk": "I skranken",
    "Portal": "Portalen",
    "Where the case is": "Hvor langt sagen er",
    "Documents and requirements": "Dokumenter og krav",
    "Whether a permit is needed": "Om der skal søges tilladelse",
    "How to apply": "Hvordan man søger",
    "The decision and appeals": "Afgørelsen og klager",
    "Something else": "Noget andet",
    "channel": "kanal",
    "topic": "emne",
    "customer group": "kundegruppe",
    "resolved at first contact": "løst ved første kontakt",
    "note": "notat",
    "caller's name": "navn på den, der henvender sig",
    "caller's e-mail": "e-mail på den, der henvender sig",
    "answer": "svar",
    "contact": "henvendelse",
    "contacts": "henvendelser",
    "question": "spørgsmål",
    "forwarded question": "videresendt spørgsmål",
    "forwarded questions": "videresendte spørgsmål",

    # Service messages
    "There is no case with the reference %(reference)s. Check it, or leave the case empty.":
        "Der er ingen sag med sagsnummeret %(reference)s. Tjek det, eller lad sagsfeltet stå tomt.",
    "A draft cannot be linked to a contact. Ask the applicant for a help code.":
        "En kladde kan ikke knyttes til en henvendelse. Bed ansøgeren om en hjælpekode.",
    "The text is too long. Keep the note under 5000 and the question under 2000 characters.":
        "Teksten er for lang. Notatet skal være under 5000 tegn og spørgsmålet under 2000 tegn.",
    "The question is too long. Keep it under 2000 characters.": "Spørgsmålet er for langt. Hold det under 2000 tegn.",
    "Write the question for the caseworker.": "Skriv spørgsmålet til sagsbehandleren.",
    "Write your answer to the question.": "Skriv dit svar på spørgsmålet.",
    "The answer is too long. Keep it under 5000 characters.": "Svaret er for langt. Hold det under 5000 tegn.",
    "This question is already answered.": "Spørgsmålet er allerede besvaret.",
    "Not answered within %(days)d working days: %(question)s":
        "Ikke besvaret inden for %(days)d arbejdsdage: %(question)s",
    "You can only ask about your own cases.": "Du kan kun spørge om dine egne sager.",
    "Send the application first. Until then, call the dialogue team and give them a help code.":
        "Send ansøgningen først. Indtil da kan du ringe til dialogteamet og give dem en hjælpekode.",
    "Write your question.": "Skriv dit spørgsmål.",
    "Your question is too long. Keep it under 2000 characters.":
        "Dit spørgsmål er for langt. Hold det under 2000 tegn.",
    "You have %(count)d questions on this case we have not answered yet. We answer them first; if it is urgent, "
    "call the dialogue team.":
        "Du har %(count)d spørgsmål om sagen, som vi ikke har besvaret endnu. Vi svarer på dem først; ring til "
        "dialogteamet, hvis det haster.",
    "This contact is not a question from the portal.": "Henvendelsen er ikke et spørgsmål fra portalen.",
    "Write the answer to the question.": "Skriv svaret på spørgsmålet.",
    "You can only get a help code for your own application.": "Du kan kun få en hjælpekode til din egen ansøgning.",
    "The application is sent, so the dialogue team can already find it by its reference.":
        "Ansøgningen er sendt, så dialogteamet kan allerede finde den på sagsnummeret.",
    "You do not have access to this.": "Du har ikke adgang til dette.",

    # Views
    "Only the municipality's staff have access to this page.": "Kun kommunens medarbejdere har adgang til siden.",
    "Only caseworkers answer forwarded questions.": "Kun sagsbehandlere besvarer videresendte spørgsmål.",
    "Thank you. The dialogue team can see your answer now.": "Tak. Dialogteamet kan se dit svar nu.",
    "Write your question before you send it.": "Skriv dit spørgsmål, før du sender det.",
    "Thank you. We have your question and answer it here and by e-mail.":
        "Tak. Vi har fået dit spørgsmål og svarer her og på e-mail.",
    "The question is forwarded to the caseworker.": "Spørgsmålet er sendt videre til sagsbehandleren.",
    "The answer is on the case page and on its way by e-mail.": "Svaret står på sagssiden og er sendt på e-mail.",
    "Your help code is %(code)s. Read it to the dialogue team; it works for %(minutes)d minutes.":
        "Din hjælpekode er %(code)s. Læs den op for dialogteamet; den virker i %(minutes)d minutter.",
    "This code is not valid or has expired. Ask the applicant to get a new code on the draft and read it to you.":
        "Koden er ikke gyldig eller er udløbet. Bed ansøgeren om at hente en ny kode på kladden og læse den op "
        "for dig.",
    "A pre-application request can be started here only for a refused case.":
        "Her kan en anmodning om forhåndsmøde kun startes for en sag med afslag.",
    "Pre-application requests cannot be started here yet. Use the public request page.":
        "Anmodninger om forhåndsmøde kan ikke startes her endnu. Brug den offentlige side for anmodninger.",
    "A pre-application request is started for %(reference)s.":
        "Der er startet en anmodning om forhåndsmøde for %(reference)s.",
    "After the refusal of %(reference)s: %(guidance)s": "Efter afslaget på %(reference)s: %(guidance)s",

    # Forms
    "The caller's name": "Navn på den, der ringer",
    "Enter the caller's name.": "Skriv navnet på den, der ringer.",
    "The caller's e-mail": "E-mail på den, der ringer",
    "The caller's phone": "Telefon på den, der ringer",
    "What the caller wants to change in the project": "Hvad den, der ringer, vil ændre i projektet",
    "Describe what the caller wants to change.": "Beskriv, hvad den, der ringer, vil ændre.",
    "Questions for the meeting (optional)": "Spørgsmål til mødet (frivilligt)",
    "When the caller can meet (optional)": "Hvornår den, der ringer, kan mødes (frivilligt)",
    "Request a pre-application meeting": "Anmod om et forhåndsmøde",
    "Your answer": "Dit svar",
    "Write your answer.": "Skriv dit svar.",
    "Your question": "Dit spørgsmål",
    "The dialogue team answers here and by e-mail, usually within two working days.":
        "Dialogteamet svarer her og på e-mail, som regel inden for to arbejdsdage.",
    "Help code": "Hjælpekode",
    "The six characters the applicant reads to you from their draft.":
        "De seks tegn, som ansøgeren læser op for dig fra sin kladde.",
    "Enter the help code.": "Skriv hjælpekoden.",

    # Forwarded question page
    "General question, not about one case": "Generelt spørgsmål, ikke om en bestemt sag",
    "The question": "Spørgsmålet",
    "Forwarded by %(name)s from the dialogue team on %(day)s.": "Sendt videre af %(name)s fra dialogteamet %(day)s.",
    "To:": "Til:",
    "The answer was due %(day)s.": "Svaret skulle have været givet %(day)s.",
    "Please answer by %(day)s.": "Svar venligst senest %(day)s.",
    "Caller:": "Henvendt af:",
    "The case": "Sagen",
    "Open %(ref)s": "Åbn %(ref)s",
    "Answer": "Svar",
    "Answered by %(name)s on %(day)s.": "Besvaret af %(name)s %(day)s.",
    "Send the answer to the dialogue team": "Send svaret til dialogteamet",
    "Not answered yet.": "Ikke besvaret endnu.",

    # Questions pages
    "Question from an applicant": "Spørgsmål fra en ansøger",
    "%(name)s asked on %(day)s": "%(name)s spurgte %(day)s",
    "Status of the case:": "Sagens status:",
    "Forwarded to the caseworker": "Sendt videre til sagsbehandleren",
    "Our answer": "Vores svar",
    "Answer the applicant": "Svar ansøgeren",
    "Send the answer": "Send svaret",
    "Or forward it to the caseworker": "Eller send det videre til sagsbehandleren",
    "Forward to the caseworker": "Send videre til sagsbehandleren",
    "Questions asked on the case page that nobody has answered yet, the oldest first. The answer shows on the case "
    "page and is e-mailed in the applicant's language.":
        "Spørgsmål stillet på sagssiden, som ingen har besvaret endnu, ældste først. Svaret vises på sagssiden og "
        "sendes på e-mail på ansøgerens sprog.",
    "%(ref)s: question from %(name)s": "%(ref)s: spørgsmål fra %(name)s",

    # Help with a draft
    "Draft %(ref)s": "Kladde %(ref)s",
    "You see the draft as the applicant does, read-only, until %(time)s. It is not sent yet.":
        "Du ser kladden, som ansøgeren ser den, uden at kunne ændre den, indtil kl. %(time)s. Den er ikke sendt "
        "endnu.",
    "About the project": "Om projektet",
    "Applying for": "Søger for",
    "Description": "Beskrivelse",
    "Not written yet.": "Ikke skrevet endnu.",
    "Documents": "Dokumenter",
    "Required": "Påkrævet",
    "Recommended": "Anbefalet",
    "Uploaded": "Uploadet",
    "Not relevant": "Ikke relevant",
    "Missing": "Mangler",
    "The applicant's reason:": "Ansøgerens begrundelse:",
    "No documents are needed for this application type.": "Der skal ikke bruges dokumenter til denne ansøgningstype.",
    "Before it can be sent": "Før den kan sendes",
    "Nothing is missing: the applicant can send the application.": "Intet mangler: ansøgeren kan sende ansøgningen.",
    "A draft is private until it is sent. To see it, ask the applicant to press “Get a help code” on the draft "
    "and read the code to you. You can then read the draft and its checklist, as the applicant sees it, for a "
    "limited time. You cannot change anything.":
        "En kladde er privat, indtil den er sendt. For at se den skal du bede ansøgeren trykke på “Få en "
        "hjælpekode” på kladden og læse koden op for dig. Så kan du i et begrænset tidsrum læse kladden og dens "
        "tjekliste, som ansøgeren ser dem. Du kan ikke ændre noget.",
    "Open the draft": "Åbn kladden",

    # Includes on the applicant's pages
    "Questions about your case": "Spørgsmål om din sag",
    "%(name)s asked on %(day)s:": "%(name)s spurgte %(day)s:",
    "The dialogue team answered on %(day)s:": "Dialogteamet svarede %(day)s:",
    "Not answered yet. We answer here and by e-mail.": "Ikke besvaret endnu. Vi svarer her og på e-mail.",
    "Ask the dialogue team about your case. We answer here and by e-mail.":
        "Spørg dialogteamet om din sag. Vi svarer her og på e-mail.",
    "Send the question": "Send spørgsmålet",
    "Need help with the draft?": "Brug for hjælp til kladden?",
    "Your help code:": "Din hjælpekode:",
    "Read it to the dialogue team when you call. It works until %(time)s, and lets them see the draft without "
    "changing it.":
        "Læs den op for dialogteamet, når du ringer. Den virker indtil kl. %(time)s og lader dem se kladden uden "
        "at ændre den.",
    "Call the dialogue team and get a help code: with it they can see your draft while you talk, without "
    "changing it.":
        "Ring til dialogteamet, og få en hjælpekode: med den kan de se din kladde, mens I taler, uden at ændre den.",
    "Get a new help code": "Få en ny hjælpekode",
    "Get a help code": "Få en hjælpekode",

    # E-mail
    "Answer to your question about %(ref)s": "Svar på dit spørgsmål om %(ref)s",
    "Dear %(name)s,": "Kære %(name)s",
    "You asked us about your case %(ref)s:": "Du spurgte os om din sag %(ref)s:",
    "You can also read the answer on the case page:": "Du kan også læse svaret på sagssiden:",
    "If you have more questions, ask on the case page or call the dialogue team:":
        "Har du flere spørgsmål, så spørg på sagssiden, eller ring til dialogteamet:",
    "Kind regards": "Venlig hilsen",
    "The dialogue team": "Dialogteamet",
}
