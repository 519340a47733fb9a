from django.shortcuts import render
from django.views.decorators.http import require_safe

from exback.decorators import verified_login_required


@require_safe
@verified_login_required
def index(request):
    return render(request, "stages/index.html")
