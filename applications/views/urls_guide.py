from django.urls import path

from applications.views import guide

urlpatterns = [
    path("guide/", guide.guide_start, name="guide_start"),
    path("guide/property/", guide.guide_property, name="guide_property"),
    path("guide/questions/", guide.guide_next, name="guide_next"),
    path("guide/questions/<slug:code>/", guide.guide_question, name="guide_question"),
    path("guide/outcome/", guide.guide_outcome, name="guide_outcome"),
    path("guide/restart/", guide.guide_restart, name="guide_restart"),
    path("guide/expert/", guide.guide_expert, name="guide_expert"),
    path("guidance/", guide.guidance_index, name="guidance_index"),
    path("guidance/types/<slug:code>/", guide.guidance_type, name="guidance_type"),
    path("guidance/requirements/<slug:code>/", guide.guidance_requirement, name="guidance_requirement"),
]
