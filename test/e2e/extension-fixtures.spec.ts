// The panel on other page shapes: a CAIQ-style table with choice answers, and a portal with its form in a frame.
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { expect, test } from './fixtures';

test('table questionnaire: choice questions are listed in page order and filled with option labels', async ({
  context,
  extensionId,
  fixturesURL,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturesURL}/table-questionnaire.html`);
  const { panel } = await openPanelFor(context, page, extensionId);
  const questions = panel.getByTestId('question');
  await expect(questions.first()).toBeVisible({ timeout: 30_000 });
  await expect(questions.first()).toContainText('audit and assurance policies');
  await expect(panel.getByText('Is MFA enforced for all remote access?')).toBeVisible();

  // The demo's MFA answer is shareable under NDA only: with no NDA declared its Fill stays disabled, and the
  // panel offers the one-step fix beside Fill all. Set it, then fill the suggestion and check the radio group.
  const mfa = questions.filter({ hasText: 'Is MFA enforced' });
  await mfa.getByRole('button').first().click();
  const fill = mfa.getByRole('button', { name: /^Fill…?$/ }).first();
  await expect(fill).toBeDisabled();
  await panel.getByTestId('held').getByRole('button', { name: 'Set it' }).first().click();
  await expect(fill).toBeEnabled();
  // A suggestion below the auto-fill threshold asks first ("Fill…"); the person's click is the decision.
  const asks = (await fill.innerText()).endsWith('…');
  await fill.click();
  if (asks) {
    await mfa
      .getByRole('alertdialog', { name: 'Confirm the fill' })
      .getByRole('button', { name: 'Fill anyway' })
      .click();
  }
  await expect(mfa).toHaveAttribute('data-status', 'filled');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document.querySelector<HTMLInputElement>('input[name="AC-01"]:checked')?.getAttribute('aria-label') ?? null,
      ),
    )
    .not.toBeNull();
});

test('portal with an embedded frame: fields from both frames, frame fields fillable', async ({
  context,
  extensionId,
  fixturesURL,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturesURL}/iframe-host.html`);
  await page.frameLocator('#gsft_main').locator('body').waitFor();
  const { panel } = await openPanelFor(context, page, extensionId);
  const questions = panel.getByTestId('question');
  await expect(questions.first()).toBeVisible({ timeout: 30_000 });
  // The top frame's field comes first; the frame's fields follow with their own frame prefix.
  await expect(questions.first()).toContainText('Portal reference number');
  const fids = await questions.evaluateAll((els) => els.map((e) => e.getAttribute('data-fid') ?? ''));
  expect(fids[0]).toMatch(/^0:/);
  expect(fids.some((f) => !f.startsWith('0:'))).toBe(true);

  // Edit then fill a frame field by hand: the value lands inside the frame.
  const fid = await panel
    .locator('[data-testid=question]:not([data-fid^="0:"])')
    .filter({ has: panel.getByRole('button', { name: 'Edit then fill' }) })
    .filter({ has: panel.locator('.sp-question__meta', { hasText: /^(text|textarea)\b/ }) })
    .first()
    .getAttribute('data-fid');
  const inFrame = panel.locator(`[data-testid=question][data-fid="${fid}"]`);
  await inFrame.getByRole('button', { name: 'Edit then fill' }).first().click();
  await inFrame.getByRole('textbox').fill('Written by the e2e test');
  await inFrame.getByRole('button', { name: 'Fill edited' }).click();
  // The edited value goes in over a suggestion the policy wants confirmed (its entry is NDA-only): confirm it.
  await inFrame
    .getByRole('alertdialog', { name: 'Confirm the fill' })
    .getByRole('button', { name: 'Fill anyway' })
    .click();
  await expect(inFrame).toHaveAttribute('data-status', 'filled');
  const values = await page
    .frameLocator('#gsft_main')
    .locator('input, textarea')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).toContain('Written by the e2e test');
});
