// Document numbers (发文字号, 文号) in every printed form, and their one canonical form.
//  - bracketed: 京政办发〔2016〕60号, [2016], （2016）, 【2016】, ［2016］, spaces before 号,
//    an inserted 第 (国发〔2019〕第5号) → 京政办发〔2016〕60号;
//  - orders (令): 国务院令第706号, 中华人民共和国主席令第三号, 公安部令第8号 →
//    the organ without 中华人民共和国, 令第N号 as printed; the State Council's orders take
//    the 国令 code its own database files them under (国令第707号).

import { CN_SMALL_NUMERAL_CHARS } from './numerals.js';
import { PROVINCE_CODES } from './places.js';

export const DOC_NUMBER = /([\u4e00-\u9fff]{1,16})\s*[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*第?\s*(\d{1,5})\s*号/;

const ORDER_DIGITS = `\\d${CN_SMALL_NUMERAL_CHARS}`;
/** 国务院令第706号, 中华人民共和国主席令第三号, 公安部令（第8号）. */
export const ORDER_NUMBER = new RegExp(
  `((?:中华人民共和国)?[\\u4e00-\\u9fff]{1,20}?)令\\s*[（(]?\\s*第\\s*([${ORDER_DIGITS}]{1,6})\\s*号\\s*[)）]?`,
);
/** A line that is only an order's number, printed under the order's name: 第707号. */
export const ORDER_NUMBER_LINE = new RegExp(`^[（(]?第\\s*([${ORDER_DIGITS}]{1,6})\\s*号[)）]?$`);

/** The organ of an order as its canonical number names it. */
export function orderCode(organ: string): string {
  const name = organ.replace(/^中华人民共和国/, '');
  return name === '国务院' ? '国' : name;
}

/** 京政办发[2016]60号 → 京政办发〔2016〕60号; 中华人民共和国国务院令第707号 → 国令第707号. */
export function canonicalDocNumber(text: string): string | null {
  const m = DOC_NUMBER.exec(text);
  if (m) return `${m[1]}〔${m[2]}〕${m[3]}号`;
  const order = ORDER_NUMBER.exec(text);
  if (order?.[1] && order[2]) return `${orderCode(order[1])}令第${order[2]}号`;
  return null;
}


/**
 * The issuer a canonical number names by its code, where the code is unambiguous:
 * 国发/国函/国令 → 国务院, 国办发/国办函 → 国务院办公厅, 鲁政发 → 山东省人民政府,
 * 鲁政办发 / 鲁政办字 → 山东省人民政府办公厅; otherwise null.
 */
export function issuerOfDocNumber(docNumber: string): string | null {
  const code = /^([\u4e00-\u9fff]+?)(?:〔|令第)/.exec(docNumber)?.[1];
  if (!code) return null;
  if (/^国(?:发|函|令)$/.test(code) || code === '国') return '国务院';
  if (/^国办(?:发|函)$/.test(code)) return '国务院办公厅';
  const province = /^(.)政(办)?(?:发|字|函)$/.exec(code);
  const name = province?.[1] ? PROVINCE_CODES[province[1]] : undefined;
  return name ? `${name}人民政府${province?.[2] ? '办公厅' : ''}` : null;
}
