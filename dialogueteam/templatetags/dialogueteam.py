"""Tags for the includes other apps' pages use: the questions on a case page and the help code on a draft."""

from django import template

from dialogueteam import selectors
from dialogueteam.forms import QuestionForm

register = template.Library()


@register.simple_tag
def case_questions(case):
    """``{% case_questions case as questions %}``: the case's questions and answers (one query)."""
    return selectors.questions_for_case(case=case)


@register.simple_tag
def question_form():
    return QuestionForm(auto_id="id_question_%s")


@register.simple_tag
def help_code_state(case):
    """``{% help_code_state case as help %}``: the valid help code and when it expires, or None."""
    return selectors.help_code_state(case)
