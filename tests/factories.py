import factory
from django.contrib.auth.models import Group

from permitportal.accounts.models import User

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.dk")
    full_name = factory.Faker("name", locale="da_DK")
    phone = factory.Sequence(lambda n: f"+45 20 {n:06d}"[:16])
    email_verified = True
    is_active = True
    preferred_language = "en"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            group, _ = Group.objects.get_or_create(name=extracted)
            self.groups.add(group)

    @factory.post_generation
    def municipality(self, create, extracted, **kwargs):
        """Staff work for a municipality: the one given (a Municipality or its code), else the default."""
        from applications.models import Municipality
        from permitportal.accounts import roles

        if not create or not (self.groups.filter(name__in=roles.STAFF_ROLES).exists() or extracted):
            return
        if isinstance(extracted, Municipality):
            extracted.staff.add(self)
            return
        if not extracted:
            from applications.models.municipality import default_municipality_id

            Municipality.objects.get(pk=default_municipality_id()).staff.add(self)
            return
        found, _ = Municipality.objects.get_or_create(code=extracted, defaults={"name": f"Municipality {extracted}"})
        found.staff.add(self)
