# Danish for the property register, the upload checks and documents (registerdocs).
T = {
    # Property register: column and field names
    "address": "adresse",
    "postcode": "postnummer",
    "city": "by",
    "cadastral number": "matrikelnummer",
    "property number": "ejendomsnummer",
    "zoning plan": "lokalplan",
    "year built": "opførelsesår",
    "built area (m²)": "bebygget areal (m²)",
    "use": "anvendelse",
    # Property register: import
    "missing %(fields)s": "mangler %(fields)s",
    "the postcode “%(value)s” is not a Danish postcode of 4 digits":
        "postnummeret “%(value)s” er ikke et dansk postnummer på 4 cifre",
    "the property number “%(value)s” must be a number (the BFE number)":
        "ejendomsnummeret “%(value)s” skal være et tal (BFE-nummeret)",
    "the %(field)s is longer than %(limit)d characters": "feltet %(field)s er længere end %(limit)d tegn",
    "the year built “%(value)s” is not a year (write it as four digits, e.g. 1962)":
        "opførelsesåret “%(value)s” er ikke et årstal (skriv det med fire cifre, fx 1962)",
    "the year built %(year)d is in the future": "opførelsesåret %(year)d ligger i fremtiden",
    "the year built %(year)d is before %(earliest)d": "opførelsesåret %(year)d er før %(earliest)d",
    "the built area “%(value)s” must be a whole number of square metres, e.g. 142":
        "det bebyggede areal “%(value)s” skal være et helt antal kvadratmeter, fx 142",
    "Cannot read the file %(path)s: %(error)s": "Filen %(path)s kan ikke læses: %(error)s",
    "The file is not UTF-8 text (the problem is at byte %(position)d). Save it as “CSV UTF-8” and try again.":
        "Filen er ikke UTF-8-tekst (problemet er ved byte %(position)d). Gem den som “CSV UTF-8”, og prøv igen.",
    "The file has no column %(missing)s. The first line must name the columns: %(columns)s.":
        "Filen mangler kolonnen %(missing)s. Første linje skal navngive kolonnerne: %(columns)s.",
    "the property number %(number)s is already on line %(line)d":
        "ejendomsnummeret %(number)s står allerede på linje %(line)d",
    # Property register: corrections
    "Write the year the building was built as four digits, between %(earliest)d and %(this_year)d.":
        "Skriv det år, bygningen blev opført, med fire cifre, mellem %(earliest)d og %(this_year)d.",
    "Write the built area as a whole number of square metres, for example 142.":
        "Skriv det bebyggede areal som et helt antal kvadratmeter, for eksempel 142.",
    "You cannot report a correction to “%(field)s”. You can correct: %(fields)s.":
        "Du kan ikke melde en rettelse til “%(field)s”. Du kan rette: %(fields)s.",
    "Write the correct value.": "Skriv den rigtige værdi.",
    "Keep the value under %(limit)d characters; write more in the comment.":
        "Hold værdien under %(limit)d tegn, og skriv resten i kommentaren.",
    "That is the value the register already has. Write the value you think is right.":
        "Det er den værdi, registret allerede har. Skriv den værdi, du mener er den rigtige.",
    # Property register: API
    "Give a whole number from 1 to %(max)d.": "Angiv et helt tal fra 1 til %(max)d.",
    "Type at least %(count)d characters of the address, for example the street name.":
        "Skriv mindst %(count)d tegn af adressen, fx vejnavnet.",
    "There is no property with this id. Search with ?q= to find its id.":
        "Der findes ingen ejendom med dette id. Søg med ?q= for at finde id'et.",
    # Address field (templates/applications/includes/address_autocomplete.html)
    "Address of the property": "Ejendommens adresse",
    "Type the street name and house number, for example Æbeløgade 4.":
        "Skriv vejnavn og husnummer, for eksempel Æbeløgade 4.",
    "No addresses found. Check the spelling or try fewer words.":
        "Ingen adresser fundet. Tjek stavningen, eller prøv med færre ord.",
    "1 address found. Use the arrow keys to choose it.": "1 adresse fundet. Brug piletasterne til at vælge den.",
    "{count} addresses found. Use the arrow keys to choose one.":
        "{count} adresser fundet. Brug piletasterne til at vælge en af dem.",
    "Chosen: {label}": "Valgt: {label}",
    "The address search is not available right now. Submit the form to search.":
        "Adressesøgningen virker ikke lige nu. Send formularen for at søge.",
    # Uploads: what a refused file looks like
    "a ZIP archive (Word, Excel and PowerPoint files are ZIP archives too)":
        "et ZIP-arkiv (Word-, Excel- og PowerPoint-filer er også ZIP-arkiver)",
    "a web page (HTML)": "en webside (HTML)",
    "a Windows program (.exe)": "et Windows-program (.exe)",
    "a Linux program": "et Linux-program",
    "a Mac program": "et Mac-program",
    "a script": "et script",
    "a Word document": "et Word-dokument",
    "an Excel spreadsheet": "et Excel-regneark",
    "a PowerPoint presentation": "en PowerPoint-præsentation",
    "an older Word or Excel file": "en ældre Word- eller Excel-fil",
    "a RAR archive": "et RAR-arkiv",
    "a 7-Zip archive": "et 7-Zip-arkiv",
    "a compressed (gzip) file": "en komprimeret fil (gzip)",
    "a GIF image": "et GIF-billede",
    "a TIFF image": "et TIFF-billede",
    "a WebP image": "et WebP-billede",
    "an iPhone photo (HEIC)": "et iPhone-foto (HEIC)",
    "a BMP image": "et BMP-billede",
    "an SVG drawing": "en SVG-tegning",
    "an XML file": "en XML-fil",
    "an RTF document": "et RTF-dokument",
    "a PostScript file": "en PostScript-fil",
    "an AutoCAD drawing (DWG)": "en AutoCAD-tegning (DWG)",
    "a text file": "en tekstfil",
    # Uploads: reasons
    "%(items)s or %(last)s": "%(items)s eller %(last)s",
    "The PDF cannot be opened: it may be damaged or only partly uploaded. Open it on your computer to check it, "
    "save it again as PDF and upload it again.":
        "PDF-filen kan ikke åbnes: Den er måske beskadiget eller kun delvist uploadet. Åbn den på din computer for "
        "at tjekke den, gem den som PDF igen, og upload den igen.",
    "The PDF is password-protected or locked, so we cannot open it. Save it without a password (for example with "
    "“Print to PDF”) and upload it again.":
        "PDF-filen er beskyttet med adgangskode eller låst, så vi kan ikke åbne den. Gem den uden adgangskode (fx "
        "med “Udskriv som PDF”), og upload den igen.",
    "The PDF has no pages. Check that you chose the right file.":
        "PDF-filen har ingen sider. Tjek, at du har valgt den rigtige fil.",
    "The %(kind)s image cannot be opened: it may be damaged or only partly uploaded. Open it on your computer to "
    "check it, save it again and upload it again.":
        "%(kind)s-billedet kan ikke åbnes: Det er måske beskadiget eller kun delvist uploadet. Åbn det på din "
        "computer for at tjekke det, gem det igen, og upload det igen.",
    "The image is too large in pixels for us to open safely. Save it at a lower resolution (at most "
    "%(megapixels)d megapixels) and upload it again.":
        "Billedet har for mange pixels til, at vi kan åbne det sikkert. Gem det i en lavere opløsning (højst "
        "%(megapixels)d megapixel), og upload det igen.",
    "The file is empty. Check that you chose the right file, and try again.":
        "Filen er tom. Tjek, at du har valgt den rigtige fil, og prøv igen.",
    "The file is %(size)s MB; the largest file we accept is %(limit)s MB. Make it smaller (for example, save the "
    "drawing as PDF at a lower resolution, or split it into several files) and try again.":
        "Filen fylder %(size)s MB, og den største fil, vi kan modtage, er på %(limit)s MB. Gør den mindre (gem fx "
        "tegningen som PDF i en lavere opløsning, eller del den op i flere filer), og prøv igen.",
    "Save or export it as PDF and upload it again.": "Gem eller eksportér den som PDF, og upload den igen.",
    "Save it as %(formats)s and upload it again.": "Gem den som %(formats)s, og upload den igen.",
    "This file looks like %(what)s, not a PDF or an image. We accept %(formats)s files.":
        "Filen ligner %(what)s, ikke en PDF eller et billede. Vi modtager kun filer af typen %(formats)s.",
    "We cannot tell what kind of file this is. We accept %(formats)s files.":
        "Vi kan ikke se, hvilken slags fil det er. Vi modtager kun filer af typen %(formats)s.",
    "This file is a %(kind)s file, but this document must be a %(formats)s file. Save it as %(formats)s and upload "
    "it again.":
        "Filen er en %(kind)s-fil, men dette dokument skal være af typen %(formats)s. Gem den som %(formats)s, og "
        "upload den igen.",
    "The file is named “%(name)s”, but it is a %(kind)s file. Check that you chose the right file; if you did, "
    "rename it to end in %(ext)s and upload it again.":
        "Filen hedder “%(name)s”, men det er en %(kind)s-fil. Tjek, at du har valgt den rigtige fil. Hvis du har, "
        "så omdøb den, så navnet ender på %(ext)s, og upload den igen.",
    "The file name “%(name)s” has no extension, but the file is a %(kind)s file. Rename it to end in %(ext)s and "
    "upload it again.":
        "Filnavnet “%(name)s” har ingen filtype, men filen er en %(kind)s-fil. Omdøb den, så navnet ender på "
        "%(ext)s, og upload den igen.",
    # Documents
    "The file could not be saved because of a problem on our side. Nothing was uploaded. Try again in a few "
    "minutes.":
        "Filen kunne ikke gemmes på grund af en fejl hos os. Intet blev uploadet. Prøv igen om nogle minutter.",
    "This case has ended, so documents can no longer be added to it.":
        "Sagen er afsluttet, så der kan ikke længere tilføjes dokumenter til den.",
    "This document has already been replaced by a newer version. Reload the page to see the current version.":
        "Dokumentet er allerede erstattet af en nyere version. Genindlæs siden for at se den gældende version.",
}
