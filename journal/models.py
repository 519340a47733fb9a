import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
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
        (see vault/crypto.py). The order is the list's, newest first: a match is not ranked.

        The first word's tokens are read newest first from journal_token_search, which
        keeps each token's entries in the order of their writing (`SEARCH_ORDER`), and each
        further word is looked up for those entries only: a page of results reads about a
        page of tokens, however many entries the person has or the word is in, instead of
        joining every match and sorting them. listing.py pages by `SEARCH_ORDER` when a
        search is on."""
        words = crypto.search_tokens(crypto.search_words(query))
        entries = self.for_user(user)
        if not words:
            return entries
        first, *rest = words
        # One token row per matching entry: an entry holds the tokens of one key only.
        entries = entries.filter(tokens__user=user, tokens__token__in=first).alias(
            search_at=F("tokens__created_at"), search_entry=F("tokens__entry_id")
        )
        for tokens in rest:
            entries = entries.filter(
                Exists(EntryToken.objects.filter(user=user, token__in=tokens, entry=OuterRef("pk")))
            )
        return entries


# How search results are ordered and paged: by the token's copy of the entry's time, and the
# entry's id, the order journal_token_search holds them in (EntryQuerySet.search).
SEARCH_ORDER = ("search_at", "search_entry")


SNIPPET_LENGTH = 180


def display_title(title: str, created_at) -> str:
    """An entry's title, or for an untitled one its day in the writer's own zone (exback's
    LocalTimeMiddleware activates it). For an entry, and for the journal list's plain rows."""
    return title or timezone.localtime(created_at).strftime("%-d %B %Y")


def snippet(body: str, length: int = SNIPPET_LENGTH) -> str:
    """The start of an entry's text on one line, cut at a word, for the list's cards."""
    text = " ".join(body.split())
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


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
        return display_title(self.title, self.created_at)

    def snippet(self, length=SNIPPET_LENGTH):
        return snippet(self.body, length)

    def searchable_text(self):
        return f"{self.title}\n{self.body}"


class EntryToken(models.Model):
    """One word, or the start of one, of one entry, as a keyed HMAC token (see crypto.py).
    The user column lets a search stay within one person's index; the entry's time, copied
    here when the entry is indexed (an entry's time never changes), lets a search read a
    word's entries newest first straight from the index."""

    # No index of their own: journal_token_search starts with the user, and deleting an
    # entry's tokens uses journal_token_entry.
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="tokens", db_index=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    token = models.CharField(max_length=crypto.TOKEN_LENGTH)
    created_at = models.DateTimeField()  # the entry's

    class Meta:
        indexes = [models.Index(fields=["entry"], name="journal_token_entry")]
        constraints = [
            # Covers the search: the tokens of one person, each token's entries in the
            # order they were written, without reading the table. Unique: an entry holds
            # each token once (an entry has one user and one time, so this is (entry, token)
            # unique too).
            models.UniqueConstraint(
                fields=["user", "token", "created_at", "entry"], name="journal_token_search"
            )
        ]

    def __str__(self):
        return self.token
