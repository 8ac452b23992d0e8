class DescribedErrorsMixin:
    """Tie each field's errors and help text to its input (``aria-describedby``) and mark it
    invalid (``aria-invalid``), so screen readers announce why a field was refused."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            if name not in self.errors:
                continue
            auto_id = self[name].auto_id
            described_by = [f"{auto_id}_error"]
            if field.help_text:
                described_by.append(f"{auto_id}_helptext")
            field.widget.attrs["aria-describedby"] = " ".join(described_by)
            field.widget.attrs["aria-invalid"] = "true"
