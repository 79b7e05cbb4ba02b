"""Shared by the DSP rules that fix Display@pageOrder."""

from dmlint.core.fixes import UNSAFE, Fix, replace_attribute_value


def page_order_without(model, positions, message):
    """Display@pageOrder without the entries at these positions."""
    display = model.display
    parts = display.get("pageOrder").strip().split(";")
    kept = [part for position, part in enumerate(parts) if position not in positions]
    if not kept:
        return None
    return Fix.of(replace_attribute_value(model.document, display, "pageOrder", ";".join(kept)), safety=UNSAFE,
                  message=message)
