from django.http import Http404


def charter_list(request):
    raise Http404


def charter_publish(request):
    raise Http404


def charter_report(request, period: str):
    raise Http404


def charter_report_pdf(request, period: str):
    raise Http404
