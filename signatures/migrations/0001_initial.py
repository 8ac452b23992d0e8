
import django.utils.timezone
import django_countries.fields
import uuid
from django.db import migrations, models


"""The signatures and the call settings move from the ``home`` app to their own app.

Nothing is copied: the models change app in Django's state, their tables are renamed, and the
rows that refer to them by app are updated, so groups keep their permissions, the admin's history
keeps its entries (and their actions their labels), and email tasks queued under the old module
path still run. The links of emails already sent keep working: their salt did not change."""

MOVED_MODELS = ["signature", "callsettings"]


def relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for model in MOVED_MODELS:
        # A content type made for the new label before this ran (it has no rows pointing at it
        # that matter) gives way to the old one, which permissions and history refer to.
        ContentType.objects.filter(app_label=new, model=model).delete()
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
    for result in DBTaskResult.objects.filter(task_path__startswith=f"{old}.tasks."):
        result.task_path = f"{new}.tasks." + result.task_path.removeprefix(f"{old}.tasks.")
        result.save(update_fields=["task_path"])
    old_prefix, new_prefix = ("home.signatures.", "signatures.")[:: 1 if new == "signatures" else -1]
    for entry in ModelLogEntry.objects.filter(action__startswith=old_prefix):
        entry.action = new_prefix + entry.action.removeprefix(old_prefix)
        entry.save(update_fields=["action"])


def forwards(apps, schema_editor):
    relabel(apps, "home", "signatures")


def backwards(apps, schema_editor):
    relabel(apps, "signatures", "home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0006_video_block"),
        ("cms", "0006_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CallSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('call_key', models.UUIDField(editable=False, help_text='The translation key of the call.', unique=True, verbose_name='call')),
                        ('signing_open', models.BooleanField(default=True, help_text='Untick to close the call: the form is replaced by a notice.', verbose_name='signing is open')),
                        ('signatory_baseline', models.PositiveIntegerField(default=0, help_text='Signatories collected before this site (on paper or on the earlier site), added to the confirmed signatures in the public count.', verbose_name='earlier signatories')),
                        ('privacy_notice_version', models.CharField(default='1', help_text='Change it when the privacy notice changes: each signature records the version its signer accepted.', max_length=50, verbose_name='privacy notice version')),
                        ('personal_data_kept_until', models.DateField(blank=True, help_text="The end of the campaign: the form says so, and after this date the signatories' personal data are erased (the count of signatures remains).", null=True, verbose_name='personal data kept until')),
                    ],
                    options={
                        'db_table': 'home_callsettings',
                        'verbose_name': 'call settings',
                        'verbose_name_plural': 'call settings',
                    },
                ),
                migrations.CreateModel(
                    name='Signature',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ('call_key', models.UUIDField(editable=False, help_text='The translation key of the Joint Call page.', verbose_name='call')),
                        ('kind', models.CharField(choices=[('individual', 'Individual'), ('elected', 'Elected representative (for example a Member of the European Parliament, a member of the European Committee of the Regions or a mayor)'), ('region', 'Region'), ('city', 'City or municipality'), ('county', 'County or province'), ('association', 'Association of local or regional authorities'), ('eu_organisation', 'EU-level association or organisation'), ('organisation', 'Other organisation')], max_length=20, verbose_name='signatory type')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('organisation', models.CharField(blank=True, max_length=300, verbose_name='organisation or authority')),
                        ('position', models.CharField(blank=True, max_length=200, verbose_name='position')),
                        ('country', django_countries.fields.CountryField(max_length=2, verbose_name='country')),
                        ('email', models.EmailField(blank=True, max_length=254, null=True, verbose_name='email')),
                        ('email_normalised', models.CharField(blank=True, editable=False, max_length=254, null=True)),
                        ('language', models.CharField(choices=[('bg', 'български'), ('es', 'español'), ('cs', 'čeština'), ('da', 'dansk'), ('de', 'Deutsch'), ('et', 'eesti'), ('el', 'ελληνικά'), ('en', 'English'), ('fr', 'français'), ('ga', 'Gaeilge'), ('hr', 'hrvatski'), ('it', 'italiano'), ('lv', 'latviešu'), ('lt', 'lietuvių'), ('hu', 'magyar'), ('mt', 'Malti'), ('nl', 'Nederlands'), ('pl', 'polski'), ('pt', 'português'), ('ro', 'română'), ('sk', 'slovenčina'), ('sl', 'slovenščina'), ('fi', 'suomi'), ('sv', 'svenska')], max_length=7, verbose_name='language')),
                        ('privacy_notice_version', models.CharField(max_length=50, verbose_name='privacy notice version')),
                        ('show_on_wall', models.BooleanField(default=False, help_text="The signer's choice when signing as an individual. Institutions are always named.", verbose_name='agreed to be named on the public list')),
                        ('news_opt_in', models.BooleanField(default=False, verbose_name='wants news')),
                        ('hidden_from_wall', models.BooleanField(default=False, help_text='Institutions are always on the public list once confirmed, and individuals who agreed to it when signing. Tick to keep this signature off the list: it still counts.', verbose_name='hide from the public list')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed')], default='pending', max_length=20, verbose_name='status')),
                        ('source', models.CharField(choices=[('form', 'Signed on this site'), ('import', 'Imported')], default='form', max_length=10, verbose_name='source')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='signed at')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed at')),
                        ('email_status', models.CharField(choices=[('queued', 'Queued'), ('sent', 'Sent'), ('retrying', 'Failed, will be retried'), ('failed', 'Failed')], default='queued', max_length=20, verbose_name='email status')),
                        ('email_attempts', models.PositiveSmallIntegerField(default=0, verbose_name='email attempts')),
                        ('email_error', models.TextField(blank=True, verbose_name='last email error')),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='personal data erased at')),
                    ],
                    options={
                        'db_table': 'home_signature',
                        'verbose_name': 'signature',
                        'verbose_name_plural': 'signatures',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['call_key', 'status', 'kind', 'country'], name='home_signat_call_ke_f3f346_idx')],
                        'constraints': [models.UniqueConstraint(fields=('call_key', 'email_normalised'), name='one_signature_per_address')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="callsettings", table=None),
        migrations.AlterModelTable(name="signature", table=None),
        migrations.RenameIndex(
            model_name="signature",
            new_name="signatures__call_ke_ef0661_idx",
            old_name="home_signat_call_ke_f3f346_idx",
        ),
        migrations.RunPython(forwards, backwards),
    ]
