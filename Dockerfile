FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=permitportal.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml constraints.txt ./
COPY . .
RUN pip install --no-cache-dir -c constraints.txt . \
    && python manage.py compile_translations \
    && SECRET_KEY=build-only-$(head -c 32 /dev/urandom | base64 | tr -dc a-z0-9)-padding-to-fifty-characters-xx \
       python manage.py collectstatic --noinput
RUN useradd --create-home portal && mkdir -p /app/var /data/private && chown -R portal /app/var /data
USER portal
EXPOSE 8000
CMD ["gunicorn", "permitportal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
