"""Extension points that let other apps add checks to the core without the core importing them.

``continuity_checkers``: callables ``(case, requirement_codes) -> list[str]`` returning warnings
for an information request that asks for something a pre-application meeting did not promise.
The predialogue app registers its checker in ``AppConfig.ready``.
"""

continuity_checkers: list = []


def continuity_warnings(*, case, requirement_codes: list[str]) -> list[str]:
    warnings = []
    for checker in continuity_checkers:
        warnings.extend(checker(case, requirement_codes))
    return warnings
