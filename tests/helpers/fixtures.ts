import { readFileSync } from 'node:fs';

/** Real Arabic public texts (tests/fixtures). */
export function arabicFixture(name: 'ar-arab-region-imrf-briefing' | 'ar-gcm-national-implementation-plans'): string {
  return readFileSync(new URL(`../fixtures/${name}.txt`, import.meta.url), 'utf8');
}

/** Legitimate text that must survive every layer byte for byte. */
export const TRICKY_TEXTS = {
  vowelled: 'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ',
  mixed: 'تقرير IMRF 2026 (الهدف 23) للمنطقة MENA',
  zwnjRlm: 'می‌خواهم \u200Fنص\u200F',
  emoji: 'Solidarity 🤝🏽 with families 👨‍👩‍👧',
  cjk: '全球移民契约审查论坛的书面意见',
  cyrillic: 'Миграция и права человека',
};
