"""Denmark's 98 municipalities by size, shared by the benchmarks that spread their data over them
(``benchmarks/lookup/run.py``, ``benchmarks/dashboard/run.py``; issue 19 item 5)."""

# Denmark's 98 municipalities by size (issue 19 item 5): København about a tenth of the cases, the rest falling
# off evenly on a log scale to the smallest island municipalities with a few hundred of 1,000,000 (Læsø has about
# 1,700 of Denmark's 5.9 million people: 0.03 %). The largest carry their real codes; the others get the codes
# of real municipalities in no particular order of size (the benchmark needs sizes, not geography).
LARGEST = [("0101", "København"), ("0751", "Aarhus"), ("0851", "Aalborg"), ("0461", "Odense"),
           ("0561", "Esbjerg"), ("0630", "Vejle"), ("0147", "Frederiksberg"), ("0615", "Horsens"),
           ("0657", "Herning"), ("0791", "Viborg")]
OTHER_CODES = [
    "0151", "0153", "0155", "0157", "0159", "0161", "0163", "0165", "0167", "0169", "0173", "0175", "0183",
    "0185", "0187", "0190", "0201", "0210", "0217", "0219", "0223", "0230", "0240", "0250", "0253", "0259",
    "0260", "0265", "0269", "0270", "0306", "0316", "0320", "0326", "0329", "0330", "0336", "0340", "0350",
    "0360", "0370", "0376", "0390", "0400", "0410", "0420", "0430", "0440", "0450", "0479", "0480", "0482",
    "0510", "0530", "0540", "0550", "0573", "0575", "0580", "0607", "0621", "0661", "0665", "0671", "0706",
    "0707", "0710", "0727", "0730", "0740", "0746", "0756", "0760", "0766", "0773", "0779", "0787", "0810",
    "0813", "0820", "0846", "0849", "0860", "0492", "0563", "0741", "0411", "0825"]


def municipality_shares() -> list[tuple[str, str, float]]:
    """``(code, name, share of the cases)`` for the 98 municipalities, largest first; the shares add up to 1."""
    names = LARGEST + [(code, f"Kommune {code}") for code in OTHER_CODES]
    assert len(names) == 98 and len({code for code, _ in names}) == 98
    ratio = (0.0003 / 0.06) ** (1 / 96)  # from 6 % (rank 2) to 0.03 % (rank 98), then scaled to the other 90 %
    rest = [0.06 * ratio ** k for k in range(97)]
    scale = 0.90 / sum(rest)
    shares = [0.10, *(r * scale for r in rest)]
    return [(code, name, share) for (code, name), share in zip(names, shares, strict=True)]
