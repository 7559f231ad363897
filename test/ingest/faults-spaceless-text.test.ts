import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/files.js';
import { extractItem } from '../../src/pipeline/index.js';

const here = '[ingest/faults-spaceless-text] ';
const dir = mkdtempSync(join(tmpdir(), 'parallax-spaceless-'));

// An invented report, in scripts written without spaces between words.
const chinese = [
  '港口工人投票结束罢工',
  '海滨市港口的码头工人周四投票决定结束为期两周的罢工，工会在声明中表示，新协议将在未来两年内把工资提高百分之六。',
  '罢工期间，数百艘货船在港外等待卸货，当地商会估计损失已超过三亿元。港口管理局说，装卸作业将于周五早上全面恢复。',
  '工会负责人在记者会上说，工人们对结果感到满意，但仍将密切关注协议的执行情况。',
].join('\n\n');

const japanese = [
  '港湾労働者がストライキを終了',
  '海浜市の港湾労働者は木曜日、二週間続いたストライキを終えることを投票で決めたと労働組合が声明で明らかにした。',
  '新しい協定では、今後二年間で賃金が六パーセント引き上げられる。港湾局によると、荷役作業は金曜日の朝に全面的に再開される見通しだ。',
].join('\n\n');

const thai = [
  'คนงานท่าเรือลงมติยุติการนัดหยุดงาน',
  'คนงานท่าเรือในเมืองชายทะเลลงมติเมื่อวันพฤหัสบดีให้ยุติการนัดหยุดงานที่ดำเนินมานานสองสัปดาห์ สหภาพแรงงานระบุในแถลงการณ์ว่าข้อตกลงใหม่จะขึ้นค่าจ้างร้อยละหกภายในสองปี',
  'ระหว่างการนัดหยุดงาน เรือสินค้าหลายร้อยลำต้องรอขนถ่ายสินค้านอกท่าเรือ การท่าเรือระบุว่างานขนถ่ายสินค้าจะกลับมาดำเนินการเต็มรูปแบบในเช้าวันศุกร์',
].join('\n\n');

function extractFile(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const items = readInputs(path);
  assert.equal(items.length, 1);
  return extractItem(items[0]);
}

test(here + 'Chinese plain text of a few paragraphs is prose, as the same text inside HTML is', () => {
  const r = extractFile('strike-zh.txt', chinese);
  assert.ok('article' in r, 'failure' in r ? r.failure.error : '');
  const { article } = r;
  assert.match(article.text, /码头工人周四投票决定结束/);
  assert.match(article.text, /装卸作业将于周五早上全面恢复/);
  assert.match(article.text, /密切关注协议的执行情况/);
  assert.equal(article.title, '港口工人投票结束罢工');
  assert.ok(!article.messages.some((m) => m.rule === 'body:none'));

  const html = `<html><head><title>港口工人投票结束罢工</title></head><body><article><h1>港口工人投票结束罢工</h1>${chinese.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const h = extractFile('strike-zh.html', html);
  assert.ok('article' in h);
  // The same three paragraphs either way.
  const paragraphs = (t: string) => t.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  assert.deepEqual(paragraphs(article.text), paragraphs(h.article.text));
});

test(here + 'Japanese and Thai plain text are prose too', () => {
  const ja = extractFile('strike-ja.txt', japanese);
  assert.ok('article' in ja, 'failure' in ja ? ja.failure.error : '');
  assert.match(ja.article.text, /荷役作業は金曜日の朝に全面的に再開される見通しだ。/);
  const th = extractFile('strike-th.txt', thai);
  assert.ok('article' in th, 'failure' in th ? th.failure.error : '');
  assert.match(th.article.text, /เรือสินค้าหลายร้อยลำ/);
});
