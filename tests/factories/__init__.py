"""Test data: people, and (in the modules beside this one) what they keep on the site."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

PASSWORD = "a-long-and-unusual-passphrase"


def form_data(defaults: dict, overrides: dict) -> dict:
    """A form as a browser sends it: the defaults with the overrides; a field given None is
    left out, as from a form sent without it."""
    data = {**defaults, **overrides}
    return {key: value for key, value in data.items() if value is not None}


class UserFactory(factory.django.DjangoModelFactory):
    """A person who signed up and confirmed their email address."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )
