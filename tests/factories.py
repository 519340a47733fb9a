import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

PASSWORD = "a-long-and-unusual-passphrase"


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
