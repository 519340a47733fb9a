"""The draft keys now live in keep.drafts."""

# re-export for stages until it moves to keep (stages.views imports `from safety import drafts`)
from keep.drafts import (  # noqa: F401
    SAVED_SESSION_KEY,
    draft_key,
    draft_owner,
    mark_saved,
    pop_saved,
)
