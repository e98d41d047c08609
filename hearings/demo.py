"""Demo data: each demo municipality's list of authorities it hears (issue 17 item 1, issue 19). The names
are those of the real bodies; the e-mail addresses are made up (example.dk)."""

AUTHORITIES = {
    "0101": [("Hovedstadens Beredskab (brand)", "brand.kbh@example.dk"),
             ("Københavns Kommune, Teknik- og Miljøforvaltningen (veje)", "veje.kbh@example.dk"),
             ("Museum of Copenhagen / Københavns Museum", "museum.kbh@example.dk")],
    "0147": [("Hovedstadens Beredskab (brand)", "brand.frb@example.dk"),
             ("Frederiksberg Kommune, Miljø (miljø)", "miljo.frb@example.dk"),
             ("Frederiksberg Stadsarkiv og museer", "museum.frb@example.dk")],
}


def load(*, stdout) -> list[str]:
    from applications.models import Municipality

    from .models import Authority

    made = 0
    for municipality in Municipality.objects.filter(code__in=AUTHORITIES):
        for name, email in AUTHORITIES[municipality.code]:
            _obj, created = Authority.objects.get_or_create(municipality=municipality, email=email,
                                                           defaults={"name": name})
            made += created
    return [f"Hearings: {made} authorities added to the municipalities' lists."] if made else []
