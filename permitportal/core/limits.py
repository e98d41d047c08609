"""How much a person may write in each kind of field: one place for the HTML forms, the API
serializers and the services, so that the API cannot accept what a form refuses (issue 14 item 13).

Every limit is at most the length of the database column it is stored in (``CharField(max_length=200)``
for names, ``EmailField`` 254); the long texts are stored in unbounded text columns and bounded here.
"""

NAME = 200  # a person's name, an owner's name, an address typed into a form
EMAIL = 254  # as Django's EmailField column
PHONE = 40
REFERENCE = 20  # a case reference, B-2026-00042
CODE = 50  # a catalogue code (an application type, a requirement)
NOTE = 500  # a one-line note on a document of the minutes
SHORT_TEXT = 1000  # when one can meet, why a meeting is cancelled
PLACE = 300  # a meeting place or a video link
REASON = 2000  # a reason or a question, shown to the applicant or the caseworker
TEXT = 5000  # a description, a message, a note, an answer
LONG_TEXT = 10000  # a section of the minutes, a decision's reasons and conditions
ANSWERS = 50  # the guide's answers sent in one request (there are fewer questions than this)
PASSWORD = 4096  # no one types more; Django refused longer passwords once for the same reason
ID = 2**31 - 1  # the largest id the database's integer column holds
