# Danish for the municipality side: triage queue, workspace, screening, information requests,
# advisories, decisions and their letters and e-mails.
T = {
    # API
    "Only caseworkers can do this.": "Kun sagsbehandlere kan gøre dette.",
    "Nobody has the e-mail address %(email)s.": "Der er ingen med e-mailadressen %(email)s.",
    "Unknown application type “%(code)s”. See GET application-types/.":
        "Ukendt ansøgningstype “%(code)s”. Se GET application-types/.",
    "There is no decision letter on this case yet.": "Der er endnu ikke noget afgørelsesbrev på sagen.",
    # Forms
    "Open cases": "Åbne sager",
    "All cases": "Alle sager",
    "Status": "Status",
    "Application type": "Ansøgningstype",
    "Only my cases": "Kun mine sager",
    "Only unassigned cases": "Kun sager uden sagsbehandler",
    "Only cases at risk or overdue": "Kun sager i risiko eller over tid",
    "All types": "Alle typer",
    "Cases": "Sager",
    "Tick at least one case to assign.": "Sæt flueben ved mindst én sag, der skal fordeles.",
    "Assign the ticked cases to": "Giv de afkrydsede sager til",
    "Choose a caseworker": "Vælg en sagsbehandler",
    "Choose the caseworker to assign the cases to.": "Vælg den sagsbehandler, der skal have sagerne.",
    "Choose the caseworker to assign the case to.": "Vælg den sagsbehandler, der skal have sagen.",
    "Documents to ask for": "Dokumenter, der skal bedes om",
    "Message to the applicant": "Besked til ansøgeren",
    "Say in plain words what is missing or wrong, and what a good answer looks like.":
        "Skriv i et enkelt sprog, hvad der mangler eller er forkert, og hvordan et godt svar ser ud.",
    "Answer by": "Svarfrist",
    "Enter the date the applicant should answer by.": "Skriv den dato, ansøgeren skal svare senest.",
    "Enter the date as year-month-day, e.g. 2026-05-31.": "Skriv datoen som år-måned-dag, fx 2026-05-31.",
    "Kind of request": "Slags anmodning",
    "I have read the warnings and want to send the request anyway":
        "Jeg har læst advarslerne og vil sende anmodningen alligevel",
    "Extra days": "Ekstra dage",
    "Enter how many days to add, from 1 to 365.": "Skriv, hvor mange dage der skal lægges til, fra 1 til 365.",
    "Reason (the applicant sees it)": "Begrundelse (ansøgeren kan se den)",
    "Give the reason for the extension; the applicant will see it.":
        "Skriv begrundelsen for forlængelsen; ansøgeren kan se den.",
    "New application type": "Ny ansøgningstype",
    "Choose the new application type.": "Vælg den nye ansøgningstype.",
    "Choose a type": "Vælg en type",
    "Outcome": "Resultat",
    "Choose the outcome": "Vælg resultatet",
    "Choose the outcome of the decision.": "Vælg afgørelsens resultat.",
    "Conditions": "Vilkår",
    "Only for a permit with conditions: one condition per line.":
        "Kun for en tilladelse med vilkår: ét vilkår pr. linje.",
    "Reasons": "Begrundelse",
    "Write the reasons for the decision.": "Skriv begrundelsen for afgørelsen.",
    "What the applicant could change": "Hvad ansøgeren kan ændre",
    "Required for a refusal: say concretely what would make the project acceptable. The letter offers a new "
    "pre-application meeting.":
        "Skal udfyldes ved et afslag: skriv konkret, hvad der vil gøre projektet acceptabelt. Brevet tilbyder et "
        "nyt forhåndsmøde.",
    "How and when the applicant asked to withdraw": "Hvordan og hvornår ansøgeren bad om at trække ansøgningen tilbage",
    "Write how the applicant asked to withdraw the application, and when.":
        "Skriv, hvordan og hvornår ansøgeren bad om at trække ansøgningen tilbage.",
    "Internal note (only staff see it)": "Intern note (kun medarbejdere kan se den)",
    "Write the note first.": "Skriv noten først.",
    # Model choices
    "Draft": "Kladde",
    "Submitted": "Indsendt",
    "Decided": "Afgjort",
    "Missing": "Mangler",
    "Submission": "Indsendelse",
    "New document": "Nyt dokument",
    "Application type changed": "Ansøgningstypen er ændret",
    "Periodic sweep": "Periodisk gennemgang",
    "Requested by staff": "Bestilt af en medarbejder",
    "Fine": "I orden",
    "Cannot be read": "Kan ikke læses",
    "File type not accepted": "Filtypen accepteres ikke",
    "Marked not relevant: to be checked": "Markeret som ikke relevant: skal vurderes",
    "Not relevant: accepted": "Ikke relevant: godkendt",
    "Not relevant: rejected": "Ikke relevant: afvist",
    "Recommended, not sent": "Anbefalet, ikke sendt",
    "Request for documentation": "Anmodning om dokumentation",
    "Deficiency: the clock is paused": "Mangel: uret er sat på pause",
    "Deficiency: the clock has not started": "Mangel: uret er ikke startet",
    "Open": "Åben",
    "Answered": "Besvaret",
    "Cancelled": "Annulleret",
    "Case screened": "Sagen er screenet",
    "Supplementary material received": "Supplerende materiale modtaget",
    "Service target at risk": "Servicemålet er i fare",
    "Information request overdue": "Anmodning om oplysninger er over fristen",
    "Question forwarded by the dialogue team": "Spørgsmål sendt videre af dialogteamet",
    "Pre-application minutes linked": "Referat af forhåndsmøde tilknyttet",
    "advisories": "adviseringer",
    "Granted": "Tilladelse givet",
    "Granted with conditions": "Tilladelse givet med vilkår",
    "Refused": "Afslag",
    "No permit required": "Kræver ikke tilladelse",
    # Selectors
    "Not screened yet": "Ikke screenet endnu",
    "%(ok)d of %(total)d check fine": ["%(ok)d af %(total)d kontrol i orden",
                                        "%(ok)d af %(total)d kontroller i orden"],
    # Services
    "Give the extension as a number of days between 1 and 365.":
        "Angiv forlængelsen som et antal dage mellem 1 og 365.",
    "Only an open case can get more time.": "Kun en åben sag kan få mere tid.",
    "This document is not on the case's checklist.": "Dokumentet er ikke på sagens tjekliste.",
    "Only caseworkers can decide.": "Kun sagsbehandlere kan træffe afgørelse.",
    "Write the conditions of the permit.": "Skriv vilkårene for tilladelsen.",
    "A refusal must say concretely what the applicant could change to get a permit.":
        "Et afslag skal sige konkret, hvad ansøgeren kan ændre for at få en tilladelse.",
    "The case has already been decided.": "Der er allerede truffet afgørelse i sagen.",
    "%(email)s is not a caseworker.": "%(email)s er ikke sagsbehandler.",
    "Only a case that is being handled can be assigned.": "Kun en sag under behandling kan få en sagsbehandler.",
    "%(count)d required documents are still missing. Request them first.":
        "%(count)d krævede dokumenter mangler stadig. Bed om dem først.",
    "The type can only be changed on a case that is being handled.":
        "Typen kan kun ændres på en sag under behandling.",
    "This application type is no longer in use. Choose another.":
        "Ansøgningstypen bruges ikke længere. Vælg en anden.",
    "The case already has this type.": "Sagen har allerede denne type.",
    "The applicant has not marked this document as not relevant.":
        "Ansøgeren har ikke markeret dokumentet som ikke relevant.",
    "Choose the kind of request.": "Vælg, hvilken slags anmodning det er.",
    "Say what you need: pick documents from the list or write a message.":
        "Skriv, hvad du har brug for: vælg dokumenter på listen, eller skriv en besked.",
    "The due date must be after today.": "Svarfristen skal være efter i dag.",
    "Unknown documents: %(codes)s.": "Ukendte dokumenter: %(codes)s.",
    "Information request sent": "Anmodning om oplysninger sendt",
    "the answer to the information request": "svaret på anmodningen om oplysninger",
    "%(name)s is a %(kind)s file; this document must be %(formats)s.":
        "%(name)s er en %(kind)s-fil; dette dokument skal være %(formats)s.",
    "We could not read %(name)s. Upload it again.": "Vi kunne ikke læse %(name)s. Upload den igen.",
    "Marked not relevant, but the caseworker needs it.":
        "Markeret som ikke relevant, men sagsbehandleren har brug for det.",
    "Not uploaded.": "Ikke uploadet.",
    "The project description is empty.": "Beskrivelsen af projektet er tom.",
    "The owner's name and e-mail are missing.": "Ejerens navn og e-mail mangler.",
    "To finish checking your application we need:": "For at gøre kontrollen af din ansøgning færdig har vi brug for:",
    "A case that is “%(current)s” cannot become “%(target)s”.":
        "En sag, der er “%(current)s”, kan ikke blive “%(target)s”.",
    # Status and timeline texts
    "Your application is a draft. It has not been sent to us yet.":
        "Din ansøgning er en kladde. Den er ikke sendt til os endnu.",
    "We have received the application and are checking that it is complete.":
        "Vi har modtaget ansøgningen og tjekker, at den er fuldstændig.",
    "We are waiting for more information from the applicant before we can go on.":
        "Vi venter på flere oplysninger fra ansøgeren, før vi kan gå videre.",
    "The application is complete. It is in the queue for a caseworker.":
        "Ansøgningen er fuldstændig. Den står i kø til en sagsbehandler.",
    "A caseworker is assessing the application.": "En sagsbehandler vurderer ansøgningen.",
    "We have made a decision.": "Vi har truffet en afgørelse.",
    "The case is closed.": "Sagen er lukket.",
    "The application was withdrawn.": "Ansøgningen blev trukket tilbage.",
    "The applicant": "Ansøgeren",
    "The municipality": "Kommunen",
    "Nobody: the case is finished": "Ingen: sagen er afsluttet",
    "Application started.": "Ansøgningen er påbegyndt.",
    "Application sent. Reference %(reference)s.": "Ansøgningen er sendt. Sagsnummer %(reference)s.",
    "We asked for more information.": "Vi bad om flere oplysninger.",
    "The application is complete. The service clock runs from today.":
        "Ansøgningen er fuldstændig. Sagsbehandlingstiden løber fra i dag.",
    "A caseworker started assessing the application.": "En sagsbehandler er begyndt at vurdere ansøgningen.",
    "Decision made.": "Der er truffet afgørelse.",
    "The case was closed after the appeal period.": "Sagen blev lukket, da klagefristen var udløbet.",
    "Document added: %(name)s.": "Dokument tilføjet: %(name)s.",
    "Marked as not relevant: %(requirement)s.": "Markeret som ikke relevant: %(requirement)s.",
    "The application type was changed to %(type)s.": "Ansøgningstypen blev ændret til %(type)s.",
    "The expected decision date was moved by %(days)s days: %(reason)s":
        "Den forventede afgørelsesdato blev flyttet %(days)s dage: %(reason)s",
    "%(email)s now represents the applicant.": "%(email)s repræsenterer nu ansøgeren.",
    "The application was checked against the updated requirements.":
        "Ansøgningen blev tjekket mod de opdaterede krav.",
    "We checked the documents automatically: %(ok)s of %(total)s checks fine.":
        "Vi har tjekket dokumenterne automatisk: %(ok)s af %(total)s kontroller i orden.",
    "We need more information: %(items)s. Please answer by %(due)s.":
        "Vi har brug for flere oplysninger: %(items)s. Svar venligst senest %(due)s.",
    "Thank you: the information request is answered.": "Tak: anmodningen om oplysninger er besvaret.",
    "Caseworker %(name)s is handling the case.": "Sagsbehandler %(name)s behandler sagen.",
    "The caseworker accepted that %(requirement)s is not relevant.":
        "Sagsbehandleren har godkendt, at %(requirement)s ikke er relevant.",
    "The caseworker needs %(requirement)s after all.": "Sagsbehandleren har alligevel brug for %(requirement)s.",
    "The decision letter is ready.": "Afgørelsesbrevet er klar.",
    # Advisory texts
    "%(reference)s was screened: %(ok)s of %(total)s checks fine.":
        "%(reference)s er screenet: %(ok)s af %(total)s kontroller i orden.",
    "New material on %(reference)s: %(name)s.": "Nyt materiale på %(reference)s: %(name)s.",
    "%(reference)s is at risk of missing its expected decision date %(date)s.":
        "%(reference)s risikerer ikke at blive afgjort til den forventede dato %(date)s.",
    "The information request on %(reference)s was due %(due)s and is not answered.":
        "Anmodningen om oplysninger på %(reference)s havde frist %(due)s og er ikke besvaret.",
    "The dialogue team forwarded a question on %(reference)s: %(question)s":
        "Dialogteamet har sendt et spørgsmål videre om %(reference)s: %(question)s",
    "Pre-application minutes were linked to %(reference)s.":
        "Et referat af et forhåndsmøde er tilknyttet %(reference)s.",
    "The applicant has answered the information request on %(reference)s.":
        "Ansøgeren har besvaret anmodningen om oplysninger på %(reference)s.",
    # Views
    "Only caseworkers have access to this page.": "Kun sagsbehandlere har adgang til denne side.",
    "Only managers can assign several cases at once.": "Kun ledere kan fordele flere sager på én gang.",
    "%(count)d case assigned to %(name)s.": ["%(count)d sag er givet til %(name)s.",
                                             "%(count)d sager er givet til %(name)s."],
    "The case is assigned to %(name)s.": "Sagen er givet til %(name)s.",
    "The case is marked complete. The service clock runs from today.":
        "Sagen er markeret som fuldstændig. Sagsbehandlingstiden løber fra i dag.",
    "You have started the review.": "Du er begyndt at vurdere sagen.",
    "The expected decision date is now %(date)s. The applicant can see the reason.":
        "Den forventede afgørelsesdato er nu %(date)s. Ansøgeren kan se begrundelsen.",
    "The application type is now “%(type)s”. The applicant has been told.":
        "Ansøgningstypen er nu “%(type)s”. Ansøgeren har fået besked.",
    "Now also needed: %(items)s.": "Nu er der også brug for: %(items)s.",
    "No longer needed: %(items)s.": "Ikke længere nødvendigt: %(items)s.",
    "The application is withdrawn.": "Ansøgningen er trukket tilbage.",
    "Choose whether to accept or reject the claim.": "Vælg, om du godkender eller afviser markeringen.",
    "Accepted: %(title)s is not needed.": "Godkendt: %(title)s er ikke nødvendig.",
    "Rejected: the applicant is asked for %(title)s.": "Afvist: ansøgeren bliver bedt om %(title)s.",
    "The note is saved. Only staff can see it.": "Noten er gemt. Kun medarbejdere kan se den.",
    "The information request is sent. The case waits for the applicant and the service clock is paused.":
        "Anmodningen om oplysninger er sendt. Sagen venter på ansøgeren, og sagsbehandlingstiden er sat på pause.",
    "The decision is recorded. The letter is sent to the applicant as soon as it is ready.":
        "Afgørelsen er registreret. Brevet sendes til ansøgeren, så snart det er klar.",
    "Marked as read.": "Markeret som læst.",
    "%(count)d advisory marked as read.": ["%(count)d advisering markeret som læst.",
                                           "%(count)d adviseringer markeret som læst."],
    # Templates: shared words
    "Case %(ref)s": "Sag %(ref)s",
    "Who has the ball:": "Hvem har bolden:",
    "Representatives": "Repræsentanter",
    "invited": "inviteret",
    "Nobody represents the applicant.": "Ingen repræsenterer ansøgeren.",
    "Cadastral number": "Matrikelnummer",
    "Reference": "Sagsnummer",
    "Address": "Adresse",
    "Type": "Type",
    "Expected decision": "Forventet afgørelse",
    "On track": "Følger planen",
    "At risk": "I risiko",
    "Overdue": "Over tid",
    "Paused": "På pause",
    "Decided in time": "Afgjort til tiden",
    "Decided late": "Afgjort for sent",
    "Open %(ref)s": "Åbn %(ref)s",
    "Cancel": "Annuller",
    "Caseworker:": "Sagsbehandler:",
    "Internal": "Intern",
    "due %(day)s": "frist %(day)s",
    "Send the request": "Send anmodningen",
    "Decision": "Afgørelse",
    "Download the decision letter (PDF)": "Hent afgørelsesbrevet (PDF)",
    "The decision letter is being prepared.": "Afgørelsesbrevet er ved at blive lavet.",
    "Document": "Dokument",
    "No documents are needed for this application type.": "Der skal ikke bruges dokumenter til denne ansøgningstype.",
    # Advisories page
    "%(n)s unread advisory. Yours and the triage queue's are shown here.":
        ["%(n)s ulæst advisering. Dine og visitationskøens vises her.",
         "%(n)s ulæste adviseringer. Dine og visitationskøens vises her."],
    "Mark all as read": "Markér alle som læst",
    "Triage queue": "Visitationskø",
    "Unread": "Ulæst",
    "Mark as read": "Markér som læst",
    "No advisories.": "Ingen adviseringer.",
    # Decision page
    "Record the decision": "Registrér afgørelsen",
    "Back to case %(ref)s": "Tilbage til sag %(ref)s",
    "Case %(ref)s, %(address)s. The applicant gets a decision letter as a PDF, in their language, by e-mail and on "
    "their case page.":
        "Sag %(ref)s, %(address)s. Ansøgeren får et afgørelsesbrev som PDF på sit eget sprog, på e-mail og på "
        "sin sagsside.",
    # Clock
    "No date": "Ingen dato",
    "Clock paused": "Uret står stille",
    "%(days)s day overdue": ["%(days)s dag over tid", "%(days)s dage over tid"],
    "%(days)s day left": ["%(days)s dag tilbage", "%(days)s dage tilbage"],
    # Minutes panel
    "Pre-application minutes": "Referat af forhåndsmøde",
    "No pre-application meeting is linked": "Der er ikke tilknyttet et forhåndsmøde",
    # Queue
    "The most urgent cases come first: the nearest expected decision date at the top.":
        "De mest hastende sager står først: den nærmeste forventede afgørelsesdato øverst.",
    "Filter the queue": "Filtrér køen",
    "Some filters were not understood and are ignored. Choose them again.":
        "Nogle filtre blev ikke forstået og er sprunget over. Vælg dem igen.",
    "Show": "Vis",
    "Clear": "Nulstil",
    "%(n)s case": ["%(n)s sag", "%(n)s sager"],
    "Cases, most urgent first": "Sager, de mest hastende først",
    "Select": "Vælg",
    "Screening": "Screening",
    "Select %(ref)s": "Vælg %(ref)s",
    "Not assigned": "Ikke fordelt",
    "Assign": "Fordel",
    "No cases match these filters.": "Ingen sager passer til filtrene.",
    "Pages of the queue": "Sider i køen",
    "Previous": "Forrige",
    "Page %(n)s of %(total)s": "Side %(n)s af %(total)s",
    "Next": "Næste",
    "Queue": "Kø",
    "Advisories": "Adviseringer",
    # Request information page
    "Request information": "Bed om oplysninger",
    "The applicant on %(ref)s gets the request by e-mail and on their case page. The case then waits for the "
    "applicant.":
        "Ansøgeren på %(ref)s får anmodningen på e-mail og på sin sagsside. Sagen venter derefter på ansøgeren.",
    "The form is filled in from what screening found; change it as you need.":
        "Formularen er udfyldt ud fra det, screeningen fandt; ret den, som du har brug for.",
    "Check this before you send": "Tjek dette, før du sender",
    "Tick the box at the bottom of the form to send the request anyway.":
        "Sæt flueben i feltet nederst i formularen for at sende anmodningen alligevel.",
    "The case has no checklist; write what you need in the message.":
        "Sagen har ingen tjekliste; skriv i beskeden, hvad du har brug for.",
    # Workspace
    "Workspace": "Arbejdsside",
    "Back to the queue": "Tilbage til køen",
    "Checked %(at)s (%(trigger)s).": "Tjekket %(at)s (%(trigger)s).",
    "Not screened yet. Screening runs within a minute of submission.":
        "Ikke screenet endnu. Screeningen kører inden for et minut efter indsendelsen.",
    "The checklist with each document's latest screening result":
        "Tjeklisten med hvert dokuments seneste screeningsresultat",
    "State": "Tilstand",
    "Files": "Filer",
    "Agreed at meeting": "Aftalt på mødet",
    "Preview": "Vis",
    "Download": "Hent",
    "No file": "Ingen fil",
    "%(n)s earlier version": ["%(n)s tidligere version", "%(n)s tidligere versioner"],
    "The applicant says %(title)s is not relevant:": "Ansøgeren siger, at %(title)s ikke er relevant:",
    "Accept: not needed": "Godkend: ikke nødvendig",
    "Reject: we need it": "Afvis: vi har brug for den",
    "Other documents": "Andre dokumenter",
    "The applicant's answers in the guide": "Ansøgerens svar i guiden",
    "Project description:": "Beskrivelse af projektet:",
    "The applicant chose the application type directly, without the guide.":
        "Ansøgeren valgte ansøgningstypen direkte uden guiden.",
    "Timeline": "Forløb",
    "Internal note": "Intern note",
    "Note:": "Note:",
    "Add the note": "Tilføj noten",
    "First promised: %(day)s": "Først lovet: %(day)s",
    "%(days)s day since submission": ["%(days)s dag siden indsendelsen", "%(days)s dage siden indsendelsen"],
    "Paused %(days)s day": ["På pause i %(days)s dag", "På pause i %(days)s dage"],
    "Extended by %(days)s day": ["Forlænget med %(days)s dag", "Forlænget med %(days)s dage"],
    "Actions": "Handlinger",
    "Assign to me": "Giv sagen til mig",
    "Assign to": "Giv sagen til",
    "Mark complete": "Markér som fuldstændig",
    "Start review": "Begynd vurderingen",
    "Extend the deadline": "Forlæng fristen",
    "Extend": "Forlæng",
    "Change the application type": "Skift ansøgningstype",
    "Now: %(type)s. The checklist is worked out again, the applicant is told what is now needed, and the case is "
    "screened again.":
        "Nu: %(type)s. Tjeklisten bliver lavet igen, ansøgeren får at vide, hvad der nu skal bruges, og sagen "
        "bliver screenet igen.",
    "Change the type": "Skift typen",
    "Withdraw at the applicant's request": "Træk tilbage efter ansøgerens ønske",
    "Withdraw the application": "Træk ansøgningen tilbage",
    "Open information request": "Åben anmodning om oplysninger",
    "Applies for the owner %(name)s (%(email)s).": "Søger på vegne af ejeren %(name)s (%(email)s).",
    "Property number": "Ejendomsnummer",
    "Zoning plan": "Lokalplan",
    "Year built": "Opførelsesår",
    "Built area": "Bebygget areal",
    "Use": "Anvendelse",
    # E-mails
    "Your unread advisories in the permit portal:": "Dine ulæste adviseringer i byggesagsportalen:",
    "%(n)s unread advisory": ["%(n)s ulæst advisering", "%(n)s ulæste adviseringer"],
    "We have decided on your application %(ref)s: %(outcome)s.":
        "Vi har truffet afgørelse om din ansøgning %(ref)s: %(outcome)s.",
    "The decision letter is attached. You can also read it on your case page:":
        "Afgørelsesbrevet er vedhæftet. Du kan også læse det på din sagsside:",
    "Decision on your application %(ref)s": "Afgørelse om din ansøgning %(ref)s",
    "Your caseworker has changed the type of application %(ref)s to “%(type)s”. You do not have to start over.":
        "Din sagsbehandler har ændret typen af ansøgning %(ref)s til “%(type)s”. Du skal ikke begynde forfra.",
    "We now also need:": "Vi har nu også brug for:",
    "No longer needed:": "Ikke længere nødvendigt:",
    "See your case and upload documents here:": "Se din sag, og upload dokumenter her:",
    "Your application %(ref)s has a new application type": "Din ansøgning %(ref)s har fået en ny ansøgningstype",
    # Decision panel and letter
    "The decision": "Afgørelsen",
    "What you could change": "Hvad du kan ændre",
    "Book a new pre-application meeting": "Book et nyt forhåndsmøde",
    "Decision on application %(ref)s": "Afgørelse om ansøgning %(ref)s",
    "Received": "Modtaget",
    "Talk to us before you apply again": "Tal med os, før du søger igen",
    "You are welcome to book a pre-application meeting with a caseworker to go through what a new application "
    "should contain. Book it at %(url)s or call the dialogue team.":
        "Du er velkommen til at booke et forhåndsmøde med en sagsbehandler og gå igennem, hvad en ny ansøgning "
        "skal indeholde. Book det på %(url)s, eller ring til dialogteamet.",
    "How to appeal": "Sådan klager du",
    "You can appeal the decision to the national appeals body (Planklagenævnet / Byggeklageenheden) within "
    "%(days)s days, that is by %(deadline)s. Send the appeal through the appeals portal; the municipality then "
    "reconsiders the decision before it is passed on.":
        "Du kan klage over afgørelsen til Planklagenævnet / Byggeklageenheden inden for %(days)s dage, dvs. senest "
        "%(deadline)s. Send klagen gennem Klageportalen; kommunen genovervejer derefter afgørelsen, før klagen "
        "sendes videre.",
}
