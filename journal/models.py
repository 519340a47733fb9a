import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from vault import crypto
from vault.fields import EncryptedTextField

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 50_000
MAX_PROMPT_LENGTH = 500


class EntryQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def search(self, user, query: str):
        """This person's entries containing every word of the query (whole words, any
        order), found through the blind index: nothing is decrypted to find them."""
        words = crypto.search_words(query)
        if not words:
            return self.for_user(user)
        matching = (
            EntryToken.objects.filter(user=user, token__in=crypto.search_tokens(words))
            .values("entry")
            # (entry, token) is unique, so counting rows counts distinct words.
            .annotate(found=Count("token"))
            .filter(found__gte=len(words))
            .values("entry")
        )
        return self.for_user(user).filter(pk__in=matching)


class Entry(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = EncryptedTextField(blank=True)
    body = EncryptedTextField()
    mood = models.PositiveSmallIntegerField(null=True, blank=True)
    stage = models.ForeignKey(
        "stages.Stage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
    )
    prompt = models.CharField(max_length=MAX_PROMPT_LENGTH, blank=True)
    # Raised by each edit; an edit only applies to the version it was loaded from.
    version = models.PositiveIntegerField(default=1)
    # From the new-entry form: a second POST of the same form finds the first entry.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["user", "-created_at"], name="journal_entry_user_new")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission_token"], name="journal_entry_unique_submission"
            ),
            models.CheckConstraint(
                condition=Q(mood__isnull=True) | Q(mood__gte=1, mood__lte=5),
                name="journal_entry_mood_1_to_5",
            ),
        ]

    def __str__(self):
        # Never the text: this may end up in logs or the admin.
        return f"Journal entry {self.pk}"

    @property
    def is_unreadable(self) -> bool:
        return any(getattr(v, "unreadable", False) for v in (self.title, self.body))

    @property
    def display_title(self):
        # The day in the writer's own zone (exback's LocalTimeMiddleware activates it).
        return self.title or timezone.localtime(self.created_at).strftime("%-d %B %Y")

    def snippet(self, length=180):
        text = " ".join(self.body.split())
        return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"

    def searchable_text(self):
        return f"{self.title}\n{self.body}"


class EntryToken(models.Model):
    """One word of one entry, as a keyed HMAC token (see crypto.py). The user column
    lets a search stay within one person's index."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="tokens")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=crypto.TOKEN_LENGTH)

    class Meta:
        # Covers the search: the tokens of one person, and the entries they belong to,
        # without reading the table.
        indexes = [
            models.Index(fields=["user", "token", "entry"], name="journal_token_search"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["entry", "token"], name="journal_token_unique")
        ]

    def __str__(self):
        return self.token
