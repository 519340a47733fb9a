from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models


class UserManager(BaseUserManager["User"]):
    """Users are known by their email address; there are no usernames."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    # Setting an inherited field to None removes it from the model, which Django documents and
    # django-stubs cannot express: hence the three ignores.
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    # An IANA name ("Pacific/Auckland"); empty means the site's TIME_ZONE. Every date and time
    # a person sees, and their "today", is in this zone (exback.middleware.LocalTimeMiddleware).
    time_zone = models.CharField("time zone", max_length=64, blank=True, default="")
    # Discreet mode: a neutral name in the tab title and in every email, for shared devices.
    discreet = models.BooleanField("discreet mode", default=False)
    # Which country's helplines the Safety page shows first (ISO 3166-1 alpha-2, upper case).
    country = models.CharField("country", max_length=2, blank=True, default="")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    # AbstractUser's manager creates users by username; ours by email, so the signatures differ.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def site_name(self) -> str:
        """The name this person's pages and emails go by: neutral in discreet mode."""
        return settings.DISCREET_NAME if self.discreet else settings.SITE_NAME
