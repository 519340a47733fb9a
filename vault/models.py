from django.db import models


class KeyCheck(models.Model):
    """A known value encrypted with each key that has been the newest: proof, at start-up and
    in /healthz, that the configured keys can read what is stored (vault/health.py)."""

    fingerprint = models.CharField(max_length=16, unique=True)
    token = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Key {self.fingerprint}"
