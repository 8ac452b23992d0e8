from django.urls import path

from .views import submit_signature

urlpatterns = [
    path("sign/<uuid:call_key>/", submit_signature, name="submit_signature"),
]
