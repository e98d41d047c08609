# Danish for the satisfaction app (surveys at every touchpoint, the survey pages, the dashboard and KPIs).
T = {
    # --- Models and admin --------------------------------------------------------------------------
    "After a dialogue-team contact": "Efter en kontakt med dialogteamet",
    "After a pre-application meeting": "Efter et forhåndsmøde",
    "After submission": "Efter indsendelse",
    "After the decision": "Efter afgørelsen",
    "touchpoint": "kontaktpunkt",
    "title (English)": "titel (engelsk)",
    "title (Danish)": "titel (dansk)",
    "introduction (English)": "indledning (engelsk)",
    "introduction (Danish)": "indledning (dansk)",
    "send invitations": "send invitationer",
    "Untick to stop sending this survey. Answers already given are kept.":
        "Fjern fluebenet for at stoppe med at sende denne undersøgelse. Svar, der allerede er givet, bevares.",
    "survey": "undersøgelse",
    "surveys": "undersøgelser",
    "position": "placering",
    "1 to 4: the order on the page.": "1 til 4: rækkefølgen på siden.",
    "question (English)": "spørgsmål (engelsk)",
    "question (Danish)": "spørgsmål (dansk)",
    "label for 1 (English)": "tekst ved 1 (engelsk)",
    "label for 1 (Danish)": "tekst ved 1 (dansk)",
    "label for 5 (English)": "tekst ved 5 (engelsk)",
    "label for 5 (Danish)": "tekst ved 5 (dansk)",
    "Waiting to be sent": "Venter på at blive sendt",
    "Declined": "Takket nej",
    "Not sent (the person opted out)": "Ikke sendt (personen har frabedt sig undersøgelser)",
    "invitation": "invitation",
    "invitations": "invitationer",
    "response": "besvarelse",
    "responses": "besvarelser",
    "opt-out": "framelding",
    "opt-outs": "frameldinger",
    "case figures": "sagstal",
    "satisfaction per day": "tilfredshed pr. dag",

    # --- The survey and its e-mail ---------------------------------------------------------------
    "Is there anything we could do better?": "Er der noget, vi kunne gøre bedre?",
    "Optional. Please do not write personal details such as your national identity number.":
        "Frivilligt. Skriv venligst ikke personlige oplysninger som dit CPR-nummer.",
    "Choose a number from 1 to 5.": "Vælg et tal fra 1 til 5.",
    "Your comment is too long. Keep it under 2000 characters.":
        "Din kommentar er for lang. Hold den under 2000 tegn.",
    "Answer at least one question, or choose “No thanks” at the bottom of the page.":
        "Besvar mindst ét spørgsmål, eller vælg “Nej tak” nederst på siden.",
    "About your application %(ref)s": "Om din ansøgning %(ref)s",
    "Every question is optional. Your answers help us improve; we do not use them in your case.":
        "Alle spørgsmål er frivillige. Dine svar hjælper os med at blive bedre; vi bruger dem ikke i din sag.",
    "1 means “%(low)s”, 5 means “%(high)s”.": "1 betyder “%(low)s”, 5 betyder “%(high)s”.",
    "Send my answers": "Send mine svar",
    "Rather not answer?": "Vil du hellere lade være med at svare?",
    "No thanks": "Nej tak",
    "Never send me surveys again": "Send mig aldrig undersøgelser igen",
    "Would you rather not answer?": "Vil du hellere lade være med at svare?",
    "That is fine. Choose “No thanks” and we will not ask you about “%(title)s” again. Or choose never to get "
    "surveys from us.":
        "Det er helt i orden. Vælg “Nej tak”, så spørger vi dig ikke om “%(title)s” igen. Eller vælg, at du "
        "aldrig vil have undersøgelser fra os.",
    "Answer the survey after all": "Besvar alligevel undersøgelsen",
    "No problem": "Det er helt i orden",
    "We will not ask you about this again.": "Vi spørger dig ikke om dette igen.",
    "Go to the front page": "Gå til forsiden",
    "No more surveys?": "Ikke flere undersøgelser?",
    "If you do not want surveys from us in the future, tell us here.":
        "Hvis du ikke vil have undersøgelser fra os fremover, så sig det her.",
    "Thank you for your answers": "Tak for dine svar",
    "We read every answer. Together they show us what works and what we must do better.":
        "Vi læser alle svar. Tilsammen viser de os, hvad der virker, og hvad vi skal gøre bedre.",
    "You will not get surveys from us any more": "Du får ikke flere undersøgelser fra os",
    "We have noted that this e-mail address does not want surveys. You will still get every message about your "
    "cases.":
        "Vi har noteret, at denne e-mailadresse ikke ønsker undersøgelser. Du får stadig alle beskeder om dine "
        "sager.",
    "This link does not work": "Dette link virker ikke",
    "This survey has closed": "Denne undersøgelse er lukket",
    "You have already answered this survey": "Du har allerede besvaret denne undersøgelse",
    "You said no thanks to this survey": "Du har sagt nej tak til denne undersøgelse",
    "We cannot find this survey": "Vi kan ikke finde denne undersøgelse",
    "Part of the link is missing or has been changed. E-mail programs sometimes cut long links in two.":
        "En del af linket mangler eller er blevet ændret. E-mailprogrammer deler nogle gange lange links i to.",
    "Open the e-mail again and click the whole link, or copy all of it into the address bar of your browser.":
        "Åbn e-mailen igen, og klik på hele linket, eller kopiér det hele ind i adresselinjen i din browser.",
    "The link was only valid for a limited time, and that time has passed. Thank you all the same.":
        "Linket var kun gyldigt i en begrænset periode, og den er udløbet. Tak alligevel.",
    "You are always welcome to tell us what you think: contact the dialogue team (see below).":
        "Du er altid velkommen til at fortælle os, hvad du mener: kontakt dialogteamet (se nedenfor).",
    "Thank you: we have your answers. Each survey can be answered once, so nothing more is needed.":
        "Tak, vi har dine svar. Hver undersøgelse kan besvares én gang, så du behøver ikke gøre mere.",
    "We have noted it and will not ask you about this again.": "Vi har noteret det og spørger dig ikke om dette igen.",
    "The survey this link was for no longer exists. There is nothing you need to do.":
        "Den undersøgelse, linket hørte til, findes ikke længere. Du behøver ikke gøre noget.",
    "Hello,": "Hej,",
    "It is about your application %(ref)s.": "Det handler om din ansøgning %(ref)s.",
    "Answer here (you do not need to log in):": "Svar her (du behøver ikke at logge ind):",
    "The link can be used once, until %(date)s. Your answers help us improve; we do not use them in your case.":
        "Linket kan bruges én gang, indtil %(date)s. Dine svar hjælper os med at blive bedre; vi bruger dem ikke "
        "i din sag.",
    "Rather not answer? Say no thanks, or ask us never to send you surveys again:":
        "Vil du hellere lade være med at svare? Sig nej tak, eller bed os om aldrig at sende dig undersøgelser "
        "igen:",
    "Thank you.": "Tak.",
    "%(title)s (%(ref)s)": "%(title)s (%(ref)s)",

    # --- Dashboard ---------------------------------------------------------------------------------
    "Dashboard": "Overblik",
    "Only managers have access to the dashboard.": "Kun ledere har adgang til overblikket.",
    "Only managers have access to the dashboard's figures.": "Kun ledere har adgang til overblikkets tal.",
    "Satisfaction and KPIs": "Tilfredshed og nøgletal",
    "From %(start)s to %(end)s, both days included.": "Fra %(start)s til %(end)s, begge dage medregnet.",
    "Choose the period": "Vælg perioden",
    "From": "Fra",
    "To": "Til",
    "Enter the date as year-month-day, for example 2026-01-31.":
        "Skriv datoen som år-måned-dag, for eksempel 2026-01-31.",
    "The end date must be on or after the start date.": "Slutdatoen skal være samme dag som eller efter startdatoen.",
    "Choose a period of at most three years.": "Vælg en periode på højst tre år.",
    "Last 12 months": "De sidste 12 måneder",
    "Download as CSV": "Hent som CSV",
    "On this page": "På denne side",
    "Case figures": "Sagstal",
    "Dialogue contacts": "Dialogkontakter",
    "Latest comments": "Seneste kommentarer",
    "Invitations sent": "Sendte invitationer",
    "Responses": "Besvarelser",
    "Response rate": "Svarprocent",
    "Mean score (1 to 5)": "Gennemsnit (1 til 5)",
    "All touchpoints": "Alle kontaktpunkter",
    "By touchpoint": "Efter kontaktpunkt",
    "Touchpoint": "Kontaktpunkt",
    "Response rate by touchpoint": "Svarprocent efter kontaktpunkt",
    "Mean score by touchpoint": "Gennemsnit efter kontaktpunkt",
    "Satisfaction by touchpoint": "Tilfredshed efter kontaktpunkt",
    "Each question": "Hvert spørgsmål",
    "Mean score of each question": "Gennemsnit for hvert spørgsmål",
    "Question": "Spørgsmål",
    "Answers": "Svar",
    "By channel": "Efter kanal",
    "Response rate by channel": "Svarprocent efter kanal",
    "Mean score by channel": "Gennemsnit efter kanal",
    "Satisfaction by channel": "Tilfredshed efter kanal",
    "By customer group": "Efter kundegruppe",
    "Response rate by customer group": "Svarprocent efter kundegruppe",
    "Mean score by customer group": "Gennemsnit efter kundegruppe",
    "Satisfaction by customer group": "Tilfredshed efter kundegruppe",
    "Month": "Måned",
    "By month": "Efter måned",
    "Response rate by month": "Svarprocent efter måned",
    "Mean score by month": "Gennemsnit efter måned",
    "Satisfaction by month": "Tilfredshed efter måned",
    "Complete at first screening": "Fuldt oplyst ved første screening",
    "Information requests per case": "Anmodninger om oplysninger pr. sag",
    "Decided by the date first promised": "Afgjort senest på den først lovede dato",
    "Pre-application continuity warnings": "Advarsler om brud med forhåndsmødet",
    "%(complete)s of %(screened)s screened cases submitted in the period":
        "%(complete)s af %(screened)s screenede sager indsendt i perioden",
    "At a glance": "Kort fortalt",
    "Satisfaction in detail": "Tilfredshed i detaljer",
    "Processing time": "Behandlingstid",
    "%(requests)s requests sent, %(cases)s cases submitted": "%(requests)s anmodninger sendt, %(cases)s sager indsendt",
    "%(on_time)s of %(cases)s decisions": "%(on_time)s af %(cases)s afgørelser",
    "of %(requests)s information requests sent": "ud af %(requests)s sendte anmodninger om oplysninger",
    "%(resolved)s of %(contacts)s dialogue-team contacts": "%(resolved)s af %(contacts)s kontakter med dialogteamet",
    "Processing time against the service target": "Behandlingstid set mod servicemålet",
    "Days from the day a case was complete to the decision, for cases decided in the period.":
        "Dage fra sagen var fuldt oplyst til afgørelsen, for sager afgjort i perioden.",
    "Processing time by application type: median and 90th percentile in days, with the service target":
        "Behandlingstid efter ansøgningstype: median og 90. percentil i dage, med servicemålet",
    "Processing time by application type": "Behandlingstid efter ansøgningstype",
    "Service target": "Servicemål",
    "Service target (days)": "Servicemål (dage)",
    "Cases decided": "Afgjorte sager",
    "Median days": "Median, dage",
    "90th percentile, days": "90. percentil, dage",
    "Within the target": "Inden for målet",
    "No case was decided in the period.": "Ingen sager blev afgjort i perioden.",
    "Dialogue contacts by topic and channel": "Dialogkontakter efter emne og kanal",
    "Dialogue contacts by topic, and how many were resolved at first contact":
        "Dialogkontakter efter emne, og hvor mange der blev løst ved første kontakt",
    "Contacts": "Kontakter",
    "Total": "I alt",
    "No dialogue-team contacts in the period.": "Ingen kontakter med dialogteamet i perioden.",
    "No comments in the period.": "Ingen kommentarer i perioden.",
}
