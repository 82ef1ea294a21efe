"""The generated step pages (build time): every step has its form, and checklist references are links."""

from __future__ import annotations

import pytest

from playbook.render.page import step_page


@pytest.mark.parametrize("number", range(1, 7))
def test_every_step_page_has_its_form_and_actor_tabs(playbook, number):
    page = step_page(playbook, playbook.step(number))
    assert f'data-playbook-form="step-{number}"' in page
    assert '=== "' in page  # who does what in this step, one tab per actor


def test_checklist_basis_and_references_are_links(playbook):
    page = step_page(playbook, playbook.step(3))
    assert '<a href="../../principles/#non-conditionality">P10 Non-conditionality</a>' in page
    assert '<a href="../../frameworks/#employer-pays-principle">Employer Pays Principle</a>' in page


def test_a_long_single_choice_is_a_drop_down_and_short_ones_stay_radio_buttons(playbook):
    from playbook.render.page import SELECT_AFTER

    html = step_page(playbook, playbook.step("plan"))
    assert len(playbook.step("plan").field("actions").column("assistance").options) > SELECT_AFTER
    cell = html.split('data-column="assistance"', 1)[1].split("</div>", 1)[0]
    assert '<select id="s3-actions-__i__-assistance" name="actions-__i__-assistance"' in cell
    assert '<option value="">Choose…</option>' in cell and 'type="radio"' not in cell
    consent = html.split('data-column="consent"', 1)[1].split("</fieldset>", 1)[0]
    assert 'type="radio"' in consent and "<select" not in consent
