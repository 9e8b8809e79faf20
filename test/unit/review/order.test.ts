// The reviewer reads answers in questionnaire order: sections as the questionnaire has them, questions by
// their printed number (2.10 after 2.9), never by the time each happened to be filled.
import { describe, expect, it } from 'vitest';
import { compareNumbers, questionnaireOrder } from '../../../lib/review/order';
import { buildReviewReport } from '../../../lib/review/report';
import { record } from './builders';

const r = (id: string, section: string, number: string | undefined, position: number | undefined, at: string) =>
  record({ id, fid: id, section, ...(number ? { number } : {}), ...(position !== undefined ? { position } : {}), at });

describe('questionnaire order', () => {
  it('counts numbers as a reader does', () => {
    expect(['2.10', '2.9', '10.1', '2.1', 'IAM-10', 'IAM-02'].sort(compareNumbers)).toEqual([
      '2.1',
      '2.9',
      '2.10',
      '10.1',
      'IAM-02',
      'IAM-10',
    ]);
  });

  it('puts sections in page order and questions by number, whatever order they were filled in', () => {
    const filled = [
      r('a', 'Access', '2.4', 9, '2026-01-01T10:00:00.000Z'),
      r('b', 'Access', '2.3', 8, '2026-01-01T10:00:01.000Z'),
      r('c', 'Operations', '4.7', 30, '2026-01-01T10:00:02.000Z'),
      r('d', 'Governance', '1.2', 1, '2026-01-01T10:00:03.000Z'),
      r('e', 'Access', '2.10', 12, '2026-01-01T10:00:04.000Z'),
    ];
    expect(questionnaireOrder(filled).map((x) => x.number)).toEqual(['1.2', '2.3', '2.4', '2.10', '4.7']);
  });

  it('keeps fill order for records from before numbers and positions were kept', () => {
    const old = [
      r('x', '', undefined, undefined, '2026-01-01T10:00:02.000Z'),
      r('y', '', undefined, undefined, '2026-01-01T10:00:01.000Z'),
    ];
    expect(questionnaireOrder(old).map((x) => x.id)).toEqual(['y', 'x']);
  });

  it('lists the CSV in questionnaire order with the question number shown', () => {
    const csv = buildReviewReport(
      [
        r('a', 'Access', '2.4', 9, '2026-01-01T10:00:00.000Z'),
        r('b', 'Access', '2.3', 8, '2026-01-01T10:00:01.000Z'),
        r('d', 'Governance', '1.2', 1, '2026-01-01T10:00:03.000Z'),
      ],
      { format: 'csv' },
    );
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Section,No.,Question');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['1.2', '2.3', '2.4']);
    const html = buildReviewReport([r('a', 'Access', '2.4', 9, '2026-01-01T10:00:00.000Z')], { format: 'html' });
    expect(html).toContain('<span class="num">2.4</span>');
  });
});
