# Danish for the predialogue app (pre-application meetings: requests, scheduling, minutes, open house).
T = {
    # --- Forms -------------------------------------------------------------------------------------
    "Describe your project": "Beskriv dit projekt",
    "What do you want to build or change, how big is it, and what will it be used for?":
        "Hvad vil du bygge eller ændre, hvor stort bliver det, og hvad skal det bruges til?",
    "Several addresses match. Choose the right one from the list below, or type the full address with house "
    "number and postcode.":
        "Flere adresser passer. Vælg den rigtige på listen nedenfor, eller skriv hele adressen med husnummer og "
        "postnummer.",
    "We could not find this address in the property register. Check the spelling, or type the street name and "
    "house number only.":
        "Vi kunne ikke finde adressen i ejendomsregistret. Tjek stavningen, eller skriv kun vejnavn og husnummer.",
    "Enter the address of the property and choose it from the list.":
        "Skriv ejendommens adresse, og vælg den på listen.",
    "Your questions": "Dine spørgsmål",
    "What do you want us to answer at the meeting? One question per line.":
        "Hvad vil du have svar på ved mødet? Ét spørgsmål pr. linje.",
    "When can you meet?": "Hvornår kan du mødes?",
    "For example: weekday mornings, or Tuesdays after 14. Say if you prefer a video meeting.":
        "For eksempel: hverdage om formiddagen eller tirsdage efter kl. 14. Skriv, hvis du foretrækker et "
        "videomøde.",
    "Sketches and drawings (optional)": "Skitser og tegninger (frivilligt)",
    "PDF, PNG or JPEG, at most 10 files. Hand-drawn sketches are fine.":
        "PDF, PNG eller JPEG, højst 10 filer. Håndtegnede skitser er fine.",
    "The caller's name": "Opringerens navn",
    "The caller's e-mail": "Opringerens e-mail",
    "The invitation and the minutes are sent here.": "Invitationen og referatet sendes hertil.",
    "The caller's phone": "Opringerens telefon",
    "The caller's language": "Opringerens sprog",
    "Enter the caller's e-mail address or phone number.": "Skriv opringerens e-mailadresse eller telefonnummer.",
    "30 minutes": "30 minutter",
    "45 minutes": "45 minutter",
    "1 hour": "1 time",
    "1½ hours": "1½ time",
    "2 hours": "2 timer",
    "Date": "Dato",
    "Time": "Tidspunkt",
    "Length": "Varighed",
    "Place or video link": "Sted eller videolink",
    "A meeting room with its address, or the link to the video meeting.":
        "Et mødelokale med adresse eller linket til videomødet.",
    "Other attendees (optional)": "Andre deltagere (frivilligt)",
    "One per line, for example “Ida Holm, architect, ida@example.dk”. People with an e-mail address get the "
    "invitation too.":
        "Én pr. linje, for eksempel “Ida Holm, arkitekt, ida@example.dk”. Deltagere med en e-mailadresse får også "
        "invitationen.",
    "Why is the meeting cancelled?": "Hvorfor aflyses mødet?",
    "Everyone invited gets this with the cancellation.": "Alle inviterede får det at vide sammen med aflysningen.",
    "Not discussed": "Ikke drøftet",
    "Must be included": "Skal være med",
    "Not needed": "Ikke nødvendig",
    "What does this correction change?": "Hvad ændrer denne rettelse?",
    "The applicant sees this with the new version.": "Ansøgeren ser det sammen med den nye version.",
    "Note on %(title)s": "Bemærkning til %(title)s",
    "Indicated application type": "Anbefalet ansøgningstype",
    "Not decided at the meeting": "Ikke afklaret på mødet",
    "Title": "Titel",
    "For example “Open house: extensions and carports”.": "For eksempel “Åbent hus: tilbygninger og carporte”.",
    "Who is it for? (optional)": "Hvem er det for? (frivilligt)",
    "Starts": "Starter",
    "Ends": "Slutter",
    "Place": "Sted",
    "Number of places": "Antal pladser",
    "Publish on the portal now": "Vis på portalen nu",
    "Your name": "Dit navn",
    "Your e-mail address": "Din e-mailadresse",
    "We send the confirmation here.": "Vi sender bekræftelsen hertil.",
    "Address of the property (optional)": "Ejendommens adresse (frivilligt)",
    "What is your project about?": "Hvad handler dit projekt om?",
    "A sentence or two, so the right person is ready for you.": "En sætning eller to, så den rette person er klar til dig.",
    "Questions for the meeting (optional)": "Spørgsmål til mødet (frivilligt)",

    # --- Calendar file -----------------------------------------------------------------------------
    "Pre-application meeting: %(address)s": "Forhåndsmøde: %(address)s",
    "Pre-application meeting about %(address)s.": "Forhåndsmøde om %(address)s.",
    "Place or video link: %(place)s": "Sted eller videolink: %(place)s",
    "See the request and what to bring: %(link)s": "Se anmodningen, og hvad du skal have med: %(link)s",

    # --- Models ------------------------------------------------------------------------------------
    "Requested": "Anmodet",
    "Scheduled": "Planlagt",
    "Held": "Afholdt",
    "The applicant, before applying": "Ansøgeren, før ansøgning",
    "The applicant, after a refusal": "Ansøgeren, efter et afslag",
    "The dialogue team, for a caller": "Dialogteamet, for en opringer",
    "An open-house registration": "En tilmelding til åbent hus",
    "caller's phone": "opringerens telefon",
    "project description": "projektbeskrivelse",
    "questions": "spørgsmål",
    "preferred times": "ønskede tidspunkter",
    "place or video link": "sted eller videolink",
    "other attendees": "andre deltagere",
    "Published": "Offentliggjort",
    "minutes": "referater",
    "Not in the minutes": "Ikke i referatet",
    "The minutes said it was not needed": "Referatet sagde, at det ikke var nødvendigt",
    "title": "titel",
    "description": "beskrivelse",
    "starts": "starter",
    "ends": "slutter",
    "place": "sted",
    "capacity": "antal pladser",
    "published on the portal": "vist på portalen",
    "name": "navn",
    "e-mail": "e-mail",
    "phone": "telefon",
    "address": "adresse",
    "project": "projekt",

    # --- The minutes template ------------------------------------------------------------------------
    "Participants": "Deltagere",
    "Who took part, and for whom (applicant, advisers, the municipality's staff).":
        "Hvem deltog, og for hvem (ansøger, rådgivere, kommunens medarbejdere).",
    "The project as presented": "Projektet, som det blev præsenteret",
    "What the applicant wants to build or change: content, size, placement, schedule and the firms responsible.":
        "Hvad ansøgeren vil bygge eller ændre: indhold, omfang, placering, tidsplan og de ansvarlige firmaer.",
    "Zoning plan and need for dispensation": "Lokalplan og behov for dispensation",
    "Which zoning plan and other plans apply, and whether the project needs a dispensation.":
        "Hvilken lokalplan og hvilke andre planer gælder, og om projektet kræver dispensation.",
    "The municipality's established practice": "Kommunens faste praksis",
    "How we usually decide similar projects in this area.": "Hvordan vi plejer at afgøre lignende projekter i området.",
    "Placement and design": "Placering og udformning",
    "Distances, heights, size, appearance and how the building fits in.":
        "Afstande, højder, størrelse, udseende og hvordan bygningen passer ind.",
    "Infrastructure: roads, water and sewage": "Infrastruktur: veje, vand og kloak",
    "Access, parking, water supply, sewage and other connections.":
        "Adgang, parkering, vandforsyning, kloak og andre tilslutninger.",
    "Other authorities to involve": "Andre myndigheder, der skal inddrages",
    "For example the utility company, the fire authority, the museum or the environment department.":
        "For eksempel forsyningsselskabet, brandmyndigheden, museet eller miljøafdelingen.",
    "Process: deadlines, fees and inspections": "Forløbet: frister, gebyrer og tilsyn",
    "Expected processing time, fees, responsibility and control, inspections, and whether to split the "
    "application.":
        "Forventet sagsbehandlingstid, gebyrer, ansvar og kontrol, tilsyn, og om ansøgningen skal deles op.",
    "Documentation the application must include": "Dokumentation, som ansøgningen skal indeholde",
    "Open questions": "Åbne spørgsmål",
    "What is still unclear, and who will find out.": "Hvad der stadig er uafklaret, og hvem der finder ud af det.",
    "Next steps": "Næste skridt",
    "What the applicant and the municipality do next, and by when.":
        "Hvad ansøgeren og kommunen gør nu, og hvornår.",
    "What these minutes mean": "Hvad referatet betyder",
    "These minutes record the advice given at the pre-application meeting. They guide you and us, but they do not "
    "bind the decision on your application: the decision is made on the application you send, and new information, "
    "hearings of neighbours or other authorities, or changes to the project can lead to a different result.":
        "Referatet gengiver den vejledning, der blev givet på forhåndsmødet. Det vejleder dig og os, men det binder "
        "ikke afgørelsen af din ansøgning: Afgørelsen træffes på grundlag af den ansøgning, du sender, og nye "
        "oplysninger, høring af naboer eller andre myndigheder eller ændringer i projektet kan føre til et andet "
        "resultat.",

    # --- Timeline ------------------------------------------------------------------------------------
    "The meeting was requested.": "Der blev anmodet om mødet.",
    "The meeting was scheduled for %(when)s.": "Mødet blev planlagt til %(when)s.",
    "The meeting was moved to %(when)s.": "Mødet blev flyttet til %(when)s.",
    "The meeting was cancelled.": "Mødet blev aflyst.",
    "The meeting took place.": "Mødet blev afholdt.",
    "The minutes were published (version %(version)s).": "Referatet blev offentliggjort (version %(version)s).",
    "An application was started from the minutes (%(case)s).": "Der blev startet en ansøgning ud fra referatet (%(case)s).",
    "The minutes were linked to the application %(case)s.": "Referatet blev knyttet til ansøgningen %(case)s.",
    "Reason:": "Begrundelse:",

    # --- Services: messages a person can act on -------------------------------------------------------
    "A meeting that is “%(current)s” cannot become “%(target)s”.":
        "Et møde, der er “%(current)s”, kan ikke blive “%(target)s”.",
    "The sketch could not be saved because of a problem on our side. Nothing was sent. Try again in a few minutes.":
        "Skitsen kunne ikke gemmes på grund af en fejl hos os. Intet blev sendt. Prøv igen om et par minutter.",
    "Send at most %(count)d sketches. Put several drawings in one PDF if you have more.":
        "Send højst %(count)d skitser. Saml flere tegninger i én PDF, hvis du har flere.",
    "The sketch “%(name)s” was not accepted: %(reason)s": "Skitsen “%(name)s” blev ikke godkendt: %(reason)s",
    "Choose the address of the property from the property register.":
        "Vælg ejendommens adresse fra ejendomsregistret.",
    "Describe your project in a few sentences: what you want to build or change, and roughly how big it is.":
        "Beskriv dit projekt med et par sætninger: hvad du vil bygge eller ændre, og omtrent hvor stort det bliver.",
    "The text is too long. Keep the description and the questions under 5000 characters and the preferred times "
    "under 1000.":
        "Teksten er for lang. Hold beskrivelsen og spørgsmålene under 5000 tegn og de ønskede tidspunkter under "
        "1000.",
    "Enter the caller's name.": "Skriv opringerens navn.",
    "Enter the caller's e-mail address or phone number, so we can send the invitation or call them.":
        "Skriv opringerens e-mailadresse eller telefonnummer, så vi kan sende invitationen eller ringe.",
    "Log in with an applicant account to request a meeting.": "Log ind som ansøger for at bede om et møde.",
    "You can only link a request to your own case.": "Du kan kun knytte en anmodning til din egen sag.",
    "Unknown source of the request.": "Ukendt kilde til anmodningen.",
    "Choose the caseworker who will hold the meeting.": "Vælg den sagsbehandler, der skal holde mødet.",
    "Enter the date and time of the meeting.": "Skriv dato og tidspunkt for mødet.",
    "Give the time with its time zone, for example 2026-05-04T10:00:00+02:00.":
        "Angiv tidspunktet med tidszone, for eksempel 2026-05-04T10:00:00+02:00.",
    "Choose a time in the future.": "Vælg et tidspunkt i fremtiden.",
    "The meeting must last between %(min)d minutes and %(max)d hours.":
        "Mødet skal vare mellem %(min)d minutter og %(max)d timer.",
    "Enter the place of the meeting or the video link.": "Skriv mødestedet eller videolinket.",
    "Keep the place or video link under 300 characters.": "Hold sted eller videolink under 300 tegn.",
    "Give the reason for cancelling; the applicant will see it.":
        "Skriv begrundelsen for aflysningen; ansøgeren kan se den.",
    "The meeting has not taken place yet (it is on %(when)s). Mark it as held after the meeting.":
        "Mødet er ikke afholdt endnu (det er %(when)s). Markér det som afholdt efter mødet.",
    "Unknown documents: %(codes)s. Pick them from the requirement catalogue.":
        "Ukendte dokumenter: %(codes)s. Vælg dem fra kravkataloget.",
    "Keep each document's note under 500 characters.": "Hold hver bemærkning til et dokument under 500 tegn.",
    "“%(code)s” is listed both as needed and as not needed. Choose one.":
        "“%(code)s” står både som nødvendig og som ikke nødvendig. Vælg én af dem.",
    "“%(code)s” is listed twice. List each document once.": "“%(code)s” står to gange. Angiv hvert dokument én gang.",
    "Unknown application type “%(code)s”. Pick one from the type catalogue.":
        "Ukendt ansøgningstype “%(code)s”. Vælg en fra typekataloget.",
    "Minutes can be written once the meeting is scheduled, and not for a cancelled meeting.":
        "Referatet kan skrives, når mødet er planlagt, men ikke for et aflyst møde.",
    "Unknown sections: %(names)s.": "Ukendte afsnit: %(names)s.",
    "These minutes are published and locked. To change them, start a correction: it makes a new version and keeps "
    "this one.":
        "Referatet er offentliggjort og låst. Start en rettelse for at ændre det: Den laver en ny version og "
        "gemmer denne.",
    "There are no minutes to correct yet. Write and publish them first.":
        "Der er endnu ikke noget referat at rette. Skriv og offentliggør det først.",
    "Write the minutes before you publish them.": "Skriv referatet, før du offentliggør det.",
    "This version is already published. To change it, start a correction.":
        "Denne version er allerede offentliggjort. Start en rettelse for at ændre den.",
    "Fill in before publishing: %(sections)s.": "Udfyld før offentliggørelse: %(sections)s.",
    "Say what this correction changes; the applicant will see it.":
        "Skriv, hvad rettelsen ændrer; ansøgeren kan se det.",
    "Minutes can only be published for a meeting that has taken place.":
        "Et referat kan kun offentliggøres for et møde, der er afholdt.",
    "The minutes of this meeting have not been published yet.": "Referatet af mødet er ikke offentliggjort endnu.",
    "Only the person the meeting was for can start an application from it.":
        "Kun den person, mødet var for, kan starte en ansøgning ud fra det.",
    "The minutes do not say which application type to use. Start from the guide instead, and link the minutes to "
    "your draft there.":
        "Referatet siger ikke, hvilken ansøgningstype du skal bruge. Start i stedet fra guiden, og knyt referatet "
        "til din kladde dér.",
    "These minutes cannot be linked to this application: the meeting must be about the same property, be yours, "
    "have published minutes and be recent enough.":
        "Referatet kan ikke knyttes til ansøgningen: Mødet skal handle om den samme ejendom, være dit, have et "
        "offentliggjort referat og være nyt nok.",
    "Give the session a title, for example “Open house on Saturday”.":
        "Giv arrangementet en titel, for eksempel “Åbent hus lørdag”.",
    "Enter where the session takes place.": "Skriv, hvor arrangementet finder sted.",
    "Enter when the session starts and ends.": "Skriv, hvornår arrangementet starter og slutter.",
    "The session must end after it starts.": "Arrangementet skal slutte, efter det starter.",
    "Give the number of places as a number between 1 and 1000.": "Angiv antallet af pladser som et tal mellem 1 og 1000.",
    "Enter your name.": "Skriv dit navn.",
    "Enter your e-mail address, for example name@example.dk.": "Skriv din e-mailadresse, for eksempel navn@example.dk.",
    "Tell us in a sentence or two what your project is about.":
        "Fortæl med en sætning eller to, hvad dit projekt handler om.",
    "Keep the description of your project under 2000 characters.": "Hold beskrivelsen af dit projekt under 2000 tegn.",
    "This session is not open for registration.": "Der er ikke åbent for tilmelding til dette arrangement.",
    "The session on %(when)s has already started. Choose a later session.":
        "Arrangementet %(when)s er allerede begyndt. Vælg et senere arrangement.",
    "%(email)s is already registered for this session. You do not need to register again.":
        "%(email)s er allerede tilmeldt dette arrangement. Du behøver ikke tilmelde dig igen.",
    "The session on %(when)s is full: all %(capacity)d places are taken. Choose another session, or request a "
    "meeting of your own.":
        "Arrangementet %(when)s er fuldt: Alle %(capacity)d pladser er taget. Vælg et andet arrangement, eller bed "
        "om dit eget møde.",
    "This registration has already been turned into a meeting request.":
        "Denne tilmelding er allerede lavet om til en mødeanmodning.",
    "Only staff can turn a registration into a meeting request.":
        "Kun medarbejdere kan lave en tilmelding om til en mødeanmodning.",

    # --- Views -------------------------------------------------------------------------------------
    "Thank you. We have received your request and will contact you with a time, usually within two weeks.":
        "Tak. Vi har modtaget din anmodning og kontakter dig med et tidspunkt, normalt inden for to uger.",
    "Your application %(reference)s is started from the minutes. The documents agreed at the meeting are marked on "
    "your checklist.":
        "Din ansøgning %(reference)s er startet ud fra referatet. Dokumenterne, der blev aftalt på mødet, er "
        "markeret på din tjekliste.",
    "The minutes are linked to your application. The documents agreed at the meeting are marked on your checklist.":
        "Referatet er knyttet til din ansøgning. Dokumenterne, der blev aftalt på mødet, er markeret på din "
        "tjekliste.",
    "The meeting is cancelled. Everyone invited has been told.": "Mødet er aflyst. Alle inviterede har fået besked.",
    "Waiting for a time": "Venter på et tidspunkt",
    "All": "Alle",
    "The request is registered for %(name)s.": "Anmodningen er registreret for %(name)s.",
    "This meeting can no longer be scheduled.": "Dette møde kan ikke længere planlægges.",
    "The meeting is scheduled. The invitation with a calendar file has been sent.":
        "Mødet er planlagt. Invitationen med en kalenderfil er sendt.",
    "The meeting is marked as held. Write the minutes next.": "Mødet er markeret som afholdt. Skriv nu referatet.",
    "These minutes are published and locked. To change them, start a correction.":
        "Referatet er offentliggjort og låst. Start en rettelse for at ændre det.",
    "The minutes are published and locked. The applicant has been sent them as a PDF.":
        "Referatet er offentliggjort og låst. Ansøgeren har fået det tilsendt som PDF.",
    "The minutes are saved as a draft. The applicant cannot see them until you publish them.":
        "Referatet er gemt som kladde. Ansøgeren kan ikke se det, før du offentliggør det.",
    "A new version of the minutes is open for correction. The published version is kept.":
        "En ny version af referatet er åben for rettelse. Den offentliggjorte version gemmes.",
    "You are registered. We have sent a confirmation to %(email)s.":
        "Du er tilmeldt. Vi har sendt en bekræftelse til %(email)s.",
    "The session is created.": "Arrangementet er oprettet.",
    "The registration is now a meeting request.": "Tilmeldingen er nu en mødeanmodning.",

    # --- E-mails -----------------------------------------------------------------------------------
    "The pre-application meeting about %(address)s on %(day)s is cancelled.":
        "Forhåndsmødet om %(address)s %(day)s er aflyst.",
    "The request for a pre-application meeting about %(address)s is cancelled.":
        "Anmodningen om et forhåndsmøde om %(address)s er aflyst.",
    "The attached calendar file removes the meeting from your calendar.":
        "Den vedhæftede kalenderfil fjerner mødet fra din kalender.",
    "You are welcome to request a new meeting:": "Du er velkommen til at bede om et nyt møde:",
    "Cancelled: pre-application meeting": "Aflyst: forhåndsmøde",
    "You are invited to a pre-application meeting about %(address)s.":
        "Du er inviteret til et forhåndsmøde om %(address)s.",
    "Time:": "Tidspunkt:",
    "Place or video link:": "Sted eller videolink:",
    "Caseworker:": "Sagsbehandler:",
    "The calendar file is attached: open it to add the meeting to your calendar.":
        "Kalenderfilen er vedhæftet: Åbn den for at sætte mødet i din kalender.",
    "Bring sketches or drawings, photos of the property and your questions.":
        "Tag skitser eller tegninger, fotos af ejendommen og dine spørgsmål med.",
    "See the meeting here:": "Se mødet her:",
    "If the time does not suit you, reply to this e-mail or call the dialogue team:":
        "Hvis tidspunktet ikke passer dig, så svar på denne e-mail, eller ring til dialogteamet:",
    "Invitation: pre-application meeting on %(day)s": "Invitation: forhåndsmøde %(day)s",
    "The minutes of the pre-application meeting about %(address)s are attached as a PDF.":
        "Referatet af forhåndsmødet om %(address)s er vedhæftet som PDF.",
    "This is version %(n)s: it replaces the earlier minutes.": "Dette er version %(n)s: Den erstatter det tidligere referat.",
    "What was corrected:": "Hvad der blev rettet:",
    "The minutes list the documents your application must include. When you are ready, start your application from "
    "the minutes: the documents agreed at the meeting are then already on your checklist.":
        "Referatet nævner de dokumenter, din ansøgning skal indeholde. Når du er klar, så start din ansøgning ud "
        "fra referatet: Så står dokumenterne, der blev aftalt på mødet, allerede på din tjekliste.",
    "The minutes guide you and us, but they do not bind the decision on your application.":
        "Referatet vejleder dig og os, men det binder ikke afgørelsen af din ansøgning.",
    "Corrected minutes of your pre-application meeting": "Rettet referat af dit forhåndsmøde",
    "Minutes of your pre-application meeting": "Referat af dit forhåndsmøde",
    "Dear %(name)s,": "Kære %(name)s",
    "You are registered for “%(title)s”.": "Du er tilmeldt “%(title)s”.",
    "Place:": "Sted:",
    "If you cannot come, call the dialogue team so someone else can have your place:":
        "Hvis du ikke kan komme, så ring til dialogteamet, så en anden kan få din plads:",
    "You are registered for the open house on %(day)s": "Du er tilmeldt åbent hus %(day)s",
    "We have received your request for a pre-application meeting about %(address)s.":
        "Vi har modtaget din anmodning om et forhåndsmøde om %(address)s.",
    "A caseworker will contact you with a time, usually within two weeks.":
        "En sagsbehandler kontakter dig med et tidspunkt, normalt inden for to uger.",
    "See your request here:": "Se din anmodning her:",
    "Bring sketches or drawings, photos of the property and your questions to the meeting.":
        "Tag skitser eller tegninger, fotos af ejendommen og dine spørgsmål med til mødet.",
    "We have received your request for a pre-application meeting":
        "Vi har modtaget din anmodning om et forhåndsmøde",
    "The pre-application meeting about %(address)s has moved.": "Forhåndsmødet om %(address)s er flyttet.",
    "New time:": "Nyt tidspunkt:",
    "The updated calendar file is attached: open it to update the meeting in your calendar.":
        "Den opdaterede kalenderfil er vedhæftet: Åbn den for at opdatere mødet i din kalender.",
    "New time: pre-application meeting on %(day)s": "Nyt tidspunkt: forhåndsmøde %(day)s",

    # --- Templates ---------------------------------------------------------------------------------
    "Meeting on %(day)s; version %(version)s of the minutes, published %(published)s.":
        "Møde %(day)s; version %(version)s af referatet, offentliggjort %(published)s.",
    "Open the meeting": "Åbn mødet",
    "Minutes (PDF)": "Referat (PDF)",
    "A pre-application meeting is linked to this case, but its minutes have not been published yet.":
        "Et forhåndsmøde er knyttet til sagen, men referatet er ikke offentliggjort endnu.",
    "No pre-application meeting is linked to this case.": "Der er ikke knyttet et forhåndsmøde til sagen.",
    "Your application must include:": "Din ansøgning skal indeholde:",
    "No documents were agreed at the meeting.": "Der blev ikke aftalt dokumenter på mødet.",
    "Not needed for this project:": "Ikke nødvendigt for dette projekt:",
    "Not decided at the meeting.": "Ikke afklaret på mødet.",
    "Not discussed at the meeting.": "Ikke drøftet på mødet.",
    "Use the minutes of your pre-application meeting": "Brug referatet fra dit forhåndsmøde",
    "You had a pre-application meeting about this property. Link its minutes to this application: the documents "
    "agreed at the meeting are then marked on your checklist, and your caseworker sees what was agreed.":
        "Du har haft et forhåndsmøde om denne ejendom. Knyt referatet til ansøgningen: Så bliver dokumenterne, der "
        "blev aftalt på mødet, markeret på din tjekliste, og din sagsbehandler kan se, hvad der blev aftalt.",
    "Link the minutes of the meeting on %(day)s": "Knyt referatet fra mødet %(day)s til ansøgningen",
    "Read the minutes first": "Læs referatet først",
    "Choose the address": "Vælg adressen",
    "%(n)s place left": ["%(n)s plads tilbage", "%(n)s pladser tilbage"],
    "Register": "Tilmeld",
    "Full: all places are taken.": "Fuldt: Alle pladser er taget.",
    "There are no open-house sessions planned right now. Request a meeting of your own instead.":
        "Der er ikke planlagt åbent hus lige nu. Bed i stedet om dit eget møde.",
    "For a larger or unusual project, talk to a caseworker before you apply. We write down what we agreed, and your "
    "application builds on it, so you are not asked for something else later.":
        "Har du et større eller usædvanligt projekt, så tal med en sagsbehandler, før du søger. Vi skriver ned, hvad "
        "vi aftalte, og din ansøgning bygger videre på det, så du ikke senere bliver bedt om noget andet.",
    "Book a meeting for a caller": "Book et møde for en opringer",
    "Request a meeting": "Bed om et møde",
    "My pre-application meetings": "Mine forhåndsmøder",
    "Log in to request a meeting": "Log ind for at bede om et møde",
    "What a meeting can settle": "Hvad et møde kan afklare",
    "Whether your project fits the zoning plan, and whether you need a dispensation.":
        "Om dit projekt passer til lokalplanen, og om du skal have dispensation.",
    "How we usually decide similar projects in your area.": "Hvordan vi plejer at afgøre lignende projekter i dit område.",
    "Questions about placement, size, height and design.": "Spørgsmål om placering, størrelse, højde og udformning.",
    "Which application type to use, and which documents your application must include.":
        "Hvilken ansøgningstype du skal bruge, og hvilke dokumenter din ansøgning skal indeholde.",
    "Which other authorities to involve, and the process: deadlines, fees and inspections.":
        "Hvilke andre myndigheder der skal inddrages, og forløbet: frister, gebyrer og tilsyn.",
    "What a meeting cannot settle": "Hvad et møde ikke kan afklare",
    "It cannot give you a permit or a binding promise: we decide on the application you send.":
        "Det kan ikke give dig en tilladelse eller et bindende løfte: Vi afgør sagen på grundlag af den ansøgning, "
        "du sender.",
    "It cannot say what neighbours or other authorities will answer in a hearing.":
        "Det kan ikke sige, hvad naboer eller andre myndigheder vil svare i en høring.",
    "It does not replace your advisers' work, such as structural, fire or energy calculations.":
        "Det erstatter ikke dine rådgiveres arbejde, for eksempel statiske beregninger, brandberegninger eller "
        "energiberegninger.",
    "We do not design the project for you.": "Vi tegner ikke projektet for dig.",
    "What to bring": "Hvad du skal have med",
    "The address of the property.": "Ejendommens adresse.",
    "Sketches or drawings: a site plan with the distances to the boundary, and floor plans, sections or facades if "
    "you have them. Hand-drawn sketches are fine.":
        "Skitser eller tegninger: en situationsplan med afstande til skel og plantegninger, snit eller facader, hvis "
        "du har dem. Håndtegnede skitser er fine.",
    "Photos of the property and its surroundings.": "Fotos af ejendommen og omgivelserne.",
    "Your questions, written down.": "Dine spørgsmål, skrevet ned.",
    "If you apply for someone else: the owner's name and contact details.":
        "Hvis du søger for en anden: ejerens navn og kontaktoplysninger.",
    "After the meeting": "Efter mødet",
    "We write minutes on a fixed template and send them to you as a PDF. They list the documents your application "
    "must include and the application type to use. You can start your application straight from the minutes: the "
    "documents we agreed on are already on your checklist.":
        "Vi skriver et referat efter en fast skabelon og sender det til dig som PDF. Det nævner de dokumenter, din "
        "ansøgning skal indeholde, og den ansøgningstype, du skal bruge. Du kan starte din ansøgning direkte ud fra "
        "referatet: Dokumenterne, vi aftalte, står allerede på din tjekliste.",
    "Open house: drop in without a meeting": "Åbent hus: kig forbi uden aftale",
    "At an open house you can talk to a caseworker about your project without booking a meeting of your own.":
        "Til åbent hus kan du tale med en sagsbehandler om dit projekt uden at booke dit eget møde.",
    "We have your request. A caseworker will contact you with a time, usually within two weeks.":
        "Vi har din anmodning. En sagsbehandler kontakter dig med et tidspunkt, normalt inden for to uger.",
    "The meeting took place on %(day)s.": "Mødet blev afholdt %(day)s.",
    "The minutes will follow.": "Referatet følger.",
    "The meeting is cancelled.": "Mødet er aflyst.",
    "What you can do": "Det kan du gøre",
    "Schedule the meeting": "Planlæg mødet",
    "Move to a new time": "Flyt til et nyt tidspunkt",
    "Mark as held": "Markér som afholdt",
    "Correct the minutes": "Ret referatet",
    "Continue the minutes": "Fortsæt referatet",
    "Write the minutes": "Skriv referatet",
    "Why do you cancel? (optional)": "Hvorfor aflyser du? (frivilligt)",
    "Cancel the request": "Annullér anmodningen",
    "Cancel the meeting": "Aflys mødet",
    "Minutes of the meeting": "Referat af mødet",
    "Version %(version)s, published %(day)s.": "Version %(version)s, offentliggjort %(day)s.",
    "Start your application from these minutes": "Start din ansøgning ud fra referatet",
    "Your application gets the application type from the minutes, and the documents agreed at the meeting are "
    "marked on your checklist.":
        "Din ansøgning får ansøgningstypen fra referatet, og dokumenterne, der blev aftalt på mødet, bliver markeret "
        "på din tjekliste.",
    "The minutes do not say which application type to use. Start from the guide; you can link the minutes to your "
    "draft there.":
        "Referatet siger ikke, hvilken ansøgningstype du skal bruge. Start fra guiden; du kan knytte referatet til "
        "din kladde dér.",
    "Download the minutes (PDF)": "Hent referatet (PDF)",
    "The request": "Anmodningen",
    "The project": "Projektet",
    "Questions": "Spørgsmål",
    "None given.": "Ingen angivet.",
    "Preferred times": "Ønskede tidspunkter",
    "Sketches": "Skitser",
    "No sketches were sent.": "Der blev ikke sendt skitser.",
    "Contact": "Kontakt",
    "Requested by:": "Anmodet af:",
    "From case": "Fra sag",
    "Versions of the minutes": "Versioner af referatet",
    "Version %(n)s": "Version %(n)s",
    "published %(day)s (PDF)": "offentliggjort %(day)s (PDF)",
    "draft, not visible to the applicant": "kladde, ikke synlig for ansøgeren",
    "Back to the list": "Tilbage til listen",
    "Your requests and meetings": "Dine anmodninger og møder",
    "Property": "Ejendom",
    "Status": "Status",
    "Time and place": "Tid og sted",
    "Minutes": "Referat",
    "Requested %(day)s": "Anmodet %(day)s",
    "We will contact you with a time.": "Vi kontakter dig med et tidspunkt.",
    "Read the minutes": "Læs referatet",
    "Not yet": "Ikke endnu",
    "You have not requested any pre-application meetings yet.": "Du har ikke bedt om nogen forhåndsmøder endnu.",
    "Open house": "Åbent hus",
    "At an open house you can talk to a caseworker about your project without booking a meeting of your own. "
    "Register with a few words about your project, so the right person is ready for you.":
        "Til åbent hus kan du tale med en sagsbehandler om dit projekt uden at booke dit eget møde. Tilmeld dig med "
        "et par ord om dit projekt, så den rette person er klar til dig.",
    "About pre-application meetings": "Om forhåndsmøder",
    "Register for the open house": "Tilmeld dig åbent hus",
    "This session is full: all places are taken. Choose another session, or request a meeting of your own.":
        "Arrangementet er fuldt: Alle pladser er taget. Vælg et andet arrangement, eller bed om dit eget møde.",
    "Back to the sessions": "Tilbage til arrangementerne",
    "Minutes of the pre-application meeting": "Referat af forhåndsmødet",
    "Cadastral number": "Matrikelnummer",
    "Meeting": "Møde",
    "Caseworker": "Sagsbehandler",
    "Version": "Version",
    "Version %(n)s, published %(day)s": "Version %(n)s, offentliggjort %(day)s",
    "Start your application from these minutes on the portal:": "Start din ansøgning ud fra referatet på portalen:",
    "Request a pre-application meeting": "Bed om et forhåndsmøde",
    "About your case %(ref)s. We link the meeting to the case, so the caseworker can see what was decided.":
        "Om din sag %(ref)s. Vi knytter mødet til sagen, så sagsbehandleren kan se, hvad der blev besluttet.",
    "Tell us about your project and what you want to ask. We contact you with a time, usually within two weeks.":
        "Fortæl os om dit projekt, og hvad du vil spørge om. Vi kontakter dig med et tidspunkt, normalt inden for "
        "to uger.",
    "What a meeting can and cannot settle, and what to bring": "Hvad et møde kan og ikke kan afklare, og hvad du skal have med",
    "A meeting can settle how the zoning plan and our practice apply to your project, questions about placement and "
    "design, which application type to use and which documents to send. It cannot give you a permit or a binding "
    "promise: we decide on the application you send.":
        "Et møde kan afklare, hvordan lokalplanen og vores praksis gælder for dit projekt, spørgsmål om placering og "
        "udformning, hvilken ansøgningstype du skal bruge, og hvilke dokumenter du skal sende. Det kan ikke give dig "
        "en tilladelse eller et bindende løfte: Vi afgør sagen på grundlag af den ansøgning, du sender.",
    "Bring sketches or drawings (hand-drawn is fine), photos of the property and your questions. You can send "
    "sketches with this form.":
        "Tag skitser eller tegninger (håndtegnede er fine), fotos af ejendommen og dine spørgsmål med. Du kan sende "
        "skitser med denne formular.",
    "Read more about pre-application meetings": "Læs mere om forhåndsmøder",
    "Address of the property": "Ejendommens adresse",
    "Send the request": "Send anmodningen",
    "Version %(n)s, draft.": "Version %(n)s, kladde.",
    "Not saved yet.": "Ikke gemt endnu.",
    "Fill in every section that was discussed. Save as a draft as often as you like; the applicant sees the minutes "
    "when you publish them.":
        "Udfyld alle afsnit, der blev drøftet. Gem som kladde så tit, du vil; ansøgeren ser referatet, når du "
        "offentliggør det.",
    "For each document in the catalogue: must the application include it, or is it not needed for this project? "
    "Add a note where it helps, for example what the drawing must show.":
        "For hvert dokument i kataloget: Skal ansøgningen indeholde det, eller er det ikke nødvendigt for dette "
        "projekt? Tilføj en bemærkning, hvor det hjælper, for eksempel hvad tegningen skal vise.",
    "Document": "Dokument",
    "Agreed at the meeting": "Aftalt på mødet",
    "Agreed for %(t)s": "Aftalt for %(t)s",
    "This text is fixed and always part of the minutes.": "Denne tekst er fast og altid en del af referatet.",
    "Save as draft": "Gem som kladde",
    "Publish the minutes": "Offentliggør referatet",
    "Publishing locks the minutes and e-mails them to the applicant as a PDF. A later correction makes a new version "
    "and keeps this one.":
        "Når du offentliggør, bliver referatet låst og sendt til ansøgeren som PDF. En senere rettelse laver en ny "
        "version og gemmer denne.",
    "Back": "Tilbage",
    "Make a meeting request": "Lav en mødeanmodning",
    "For %(name)s. The request uses the project description from the registration; choose the property.":
        "For %(name)s. Anmodningen bruger projektbeskrivelsen fra tilmeldingen; vælg ejendommen.",
    "Make the request": "Lav anmodningen",
    "Register the caller's request. A caseworker schedules the meeting, and the caller gets the invitation by "
    "e-mail.":
        "Registrér opringerens anmodning. En sagsbehandler planlægger mødet, og opringeren får invitationen på "
        "e-mail.",
    "The caller": "Opringeren",
    "Register the request": "Registrér anmodningen",
    "Meeting requests": "Mødeanmodninger",
    "Pre-application meeting requests": "Anmodninger om forhåndsmøder",
    "Open-house sessions": "Åbent hus-arrangementer",
    "Filter the requests": "Filtrér anmodningerne",
    "Showing only mine: show everyone's": "Viser kun mine: vis alles",
    "Only my meetings": "Kun mine møder",
    "For": "For",
    "%(n)s sketch": ["%(n)s skitse", "%(n)s skitser"],
    "Minutes published": "Referat offentliggjort",
    "No requests match this filter.": "Ingen anmodninger passer til filtret.",
    "Move the meeting to a new time": "Flyt mødet til et nyt tidspunkt",
    "The applicant and everyone invited get an e-mail with a calendar file.":
        "Ansøgeren og alle inviterede får en e-mail med en kalenderfil.",
    "Send the new time": "Send det nye tidspunkt",
    "Send the invitation": "Send invitationen",
    "%(n)s of %(capacity)s places taken.": "%(n)s af %(capacity)s pladser er taget.",
    "Registrations": "Tilmeldinger",
    "Name": "Navn",
    "Project": "Projekt",
    "Meeting request": "Mødeanmodning",
    "See the request": "Se anmodningen",
    "Nobody has registered yet.": "Ingen har tilmeldt sig endnu.",
    "Sessions": "Arrangementer",
    "Session": "Arrangement",
    "Registered": "Tilmeldte",
    "On the portal": "På portalen",
    "Yes": "Ja",
    "No": "Nej",
    "No sessions yet.": "Ingen arrangementer endnu.",
    "New session": "Nyt arrangement",
    "Create the session": "Opret arrangementet",
    "Pre-application meeting": "Forhåndsmøde",
    "Book a pre-application meeting": "Book et forhåndsmøde",
    "What has happened": "Hvad der er sket",
    "“%(title)s”: the pre-application minutes of %(date)s say this document is not needed.":
        "“%(title)s”: Referatet af forhåndsmødet %(date)s siger, at dette dokument ikke er nødvendigt.",
    "“%(title)s” was not in the pre-application minutes of %(date)s, and the rules for this application type do "
    "not require it.":
        "“%(title)s” stod ikke i referatet af forhåndsmødet %(date)s, og reglerne for denne ansøgningstype kræver "
        "det ikke.",
    "Other attendees": "Andre deltagere",
    "Open requests": "Åbne anmodninger",
}
