import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
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
        """This person's entries in which every word of the query starts a word ("river"
        finds "rivers" and "Riverside"; any order), found through the blind index: nothing
        is decrypted to find them. Words of two letters, or over twelve, match whole words
        (see vault/crypto.py). The order is the list's, newest first: a match is not ranked."""
        entries = self.for_user(user)
        for tokens in crypto.search_tokens(crypto.search_words(query)):
            # One semi-join per word: PostgreSQL reads each word's entries from the
            # covering index journal_token_search and walks the newest entries through them.
            entries = entries.filter(
                pk__in=EntryToken.objects.filter(user=user, token__in=tokens).values("entry")
            )
        return entries


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
    # The guards of keep.versions and keep.submissions act on these two fields. They are the
    # journal's own, not keep.models': they came first (this version editable, the constraint
    # below named for the journal), and matching keep.models would only be a migration.
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
        # The list, newest first, read straight from the index (the id settles ties).
        indexes = [
            models.Index(fields=["user", "-created_at", "-id"], name="journal_entry_user_new")
        ]
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
    """One word, or the start of one, of one entry, as a keyed HMAC token (see crypto.py).
    The user column lets a search stay within one person's index."""

    # No index of their own: journal_token_search starts with the user, and deleting an
    # entry's tokens uses journal_token_entry.
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="tokens", db_index=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    token = models.CharField(max_length=crypto.TOKEN_LENGTH)

    class Meta:
        indexes = [models.Index(fields=["entry"], name="journal_token_entry")]
        constraints = [
            # Covers the search: the tokens of one person, and the entries they belong to,
            # without reading the table. Unique: an entry holds each token once (an entry
            # has one user, so this is (entry, token) unique too).
            models.UniqueConstraint(fields=["user", "token", "entry"], name="journal_token_search")
        ]

    def __str__(self):
        return self.token
