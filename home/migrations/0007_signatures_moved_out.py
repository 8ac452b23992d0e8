from django.db import migrations


class Migration(migrations.Migration):
    """The signatures moved to their own app (signatures/migrations/0001_initial.py): here they
    leave ``home``'s state only; their tables and rows stay where that migration put them."""

    dependencies = [
        ("home", "0006_video_block"),
        ("signatures", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="CallSettings"),
                migrations.DeleteModel(name="Signature"),
            ],
            database_operations=[],
        ),
    ]
