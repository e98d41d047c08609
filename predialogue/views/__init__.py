"""Pre-application meeting pages: thin, calling predialogue.services and predialogue.selectors. A package
by audience: the applicant (`meetings`), the caseworkers (`staff`), open-house sessions (`open_house`)."""

from .meetings import (  # noqa: F401
    cancel,
    index,
    link_minutes,
    meeting_detail,
    minutes_pdf,
    my_meetings,
    request_meeting,
    sketch_download,
    start_application,
)
from .open_house import (  # noqa: F401
    open_house,
    open_house_confirm,
    open_house_register,
    registration_convert,
    staff_session,
    staff_sessions,
)
from .staff import mark_held, minutes_correct, minutes_edit, schedule, staff_request_create, staff_requests  # noqa: F401
