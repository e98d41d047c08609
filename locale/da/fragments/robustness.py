# Danish for robustness and data protection: the server-error page, the API token endpoint's refusal,
# "Your data" (download everything, delete the account).
T = {
    # 500 page
    "Something went wrong on our side": "Der gik noget galt hos os",
    "The portal could not finish what you asked for. Nothing you sent before this is lost.":
        "Portalen kunne ikke gøre det, du bad om, færdigt. Intet af det, du har sendt før, er gået tabt.",
    "Wait a minute and try again. If it keeps happening, call the dialogue team.":
        "Vent et minut, og prøv igen. Hvis det bliver ved, så ring til dialogteamet.",
    "Go to the front page": "Gå til forsiden",
    # API token endpoint
    "Send the e-mail address and password as a JSON object.":
        "Send e-mailadressen og adgangskoden som et JSON-objekt.",
    # Your data
    "Your data": "Dine data",
    "Download your data": "Hent dine data",
    "Get a file with everything the portal holds about you: your account, your applications with their answers, "
    "the list of your documents and what happened in each case, your questions to the dialogue team and your "
    "pre-application meetings.":
        "Få en fil med alt, hvad portalen har om dig: din konto, dine ansøgninger med dine svar, listen over dine "
        "dokumenter og hvad der er sket i hver sag, dine spørgsmål til dialogteamet og dine forhåndsdialogmøder.",
    "Download my data (JSON)": "Hent mine data (JSON)",
    "The documents themselves are on each application's page.": "Selve dokumenterne ligger på hver ansøgnings side.",
    "Delete your account": "Slet din konto",
    "Applications you have not sent (drafts) are deleted automatically when they have not been changed for a "
    "while.":
        "Ansøgninger, du ikke har sendt (kladder), slettes automatisk, når de ikke har været ændret i et stykke tid.",
    "You can delete your account. Your drafts and their documents are deleted with it.":
        "Du kan slette din konto. Dine kladder og deres dokumenter slettes sammen med den.",
    "Delete my account": "Slet min konto",
    "Back to your settings": "Tilbage til dine indstillinger",
    "Your account cannot be deleted": "Din konto kan ikke slettes",
    "Download your data instead": "Hent dine data i stedet",
    "Your account, your drafts and their documents are deleted. You cannot undo this. Download your data first "
    "if you want to keep a copy.":
        "Din konto, dine kladder og deres dokumenter bliver slettet. Det kan ikke fortrydes. Hent dine data først, "
        "hvis du vil beholde en kopi.",
    "Download everything we hold about you, or delete your account.":
        "Hent alt, hvad vi har om dig, eller slet din konto.",
    "Your data and your account": "Dine data og din konto",
    "Your password": "Din adgangskode",
    "To make sure it is you.": "Så vi er sikre på, at det er dig.",
    "I understand that my account and my drafts are deleted and cannot be brought back.":
        "Jeg forstår, at min konto og mine kladder bliver slettet og ikke kan gendannes.",
    "The password is not right. Check it and try again.": "Adgangskoden er ikke rigtig. Tjek den, og prøv igen.",
    "Your account and your drafts are deleted.": "Din konto og dine kladder er slettet.",
    "You have sent applications (%(references)s). We must keep them and your contact details as part of the case "
    "records, so the account cannot be deleted. You can still download your data.":
        "Du har sendt ansøgninger (%(references)s). Vi skal gemme dem og dine kontaktoplysninger som en del af "
        "sagerne, så kontoen kan ikke slettes. Du kan stadig hente dine data.",
    "You have asked for a pre-application meeting. We keep the meeting record, so the account cannot be deleted "
    "here. Call the dialogue team if you want it removed.":
        "Du har bedt om et forhåndsdialogmøde. Vi gemmer oplysningerne om mødet, så kontoen kan ikke slettes her. "
        "Ring til dialogteamet, hvis du vil have den fjernet.",
}
