from .appeal import Appeal, OccupancyPermit
from .case import (
    Case,
    CaseEvent,
    CaseRepresentative,
    ChecklistItem,
    Document,
    NotificationSent,
    ReferenceCounter,
)
from .catalogue import (
    ApplicationType,
    CatalogueVersion,
    DocumentRequirement,
    GuideOption,
    GuideOutcome,
    GuideQuestion,
    RequirementRule,
)
from .handling import (
    Advisory,
    Decision,
    InformationRequest,
    InformationRequestItem,
    InternalNote,
    ScreeningResult,
    ScreeningRun,
)
from .mandate import Mandate
from .municipality import LocalRequirement, LocalServiceTarget, Municipality
from .property import Property, PropertyCorrection

__all__ = [
    "Appeal",
    "Advisory",
    "Decision",
    "InformationRequest",
    "InformationRequestItem",
    "InternalNote",
    "ScreeningResult",
    "ScreeningRun",
    "ApplicationType",
    "Case",
    "CaseEvent",
    "CaseRepresentative",
    "CatalogueVersion",
    "ChecklistItem",
    "Document",
    "Mandate",
    "NotificationSent",
    "OccupancyPermit",
    "DocumentRequirement",
    "GuideOption",
    "GuideOutcome",
    "GuideQuestion",
    "LocalRequirement",
    "LocalServiceTarget",
    "Municipality",
    "Property",
    "PropertyCorrection",
    "ReferenceCounter",
    "RequirementRule",
]
