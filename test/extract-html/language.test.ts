import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/lang/detect.js';
import { extractHtml } from '../../src/extract/html/index.js';

const here = '[lang/detect] ';

// One news-like sentence or two per language, written for this test.
const rows: [string, string | null][] = [
  ['The mayor said on Tuesday that the new bridge would be open to traffic by the end of the year, and that the old one will be closed.', 'en'],
  ['Der Bürgermeister sagte am Dienstag, dass die neue Brücke bis zum Ende des Jahres für den Verkehr geöffnet werden soll und die alte geschlossen wird.', 'de'],
  ['Le maire a déclaré mardi que le nouveau pont sera ouvert à la circulation avant la fin de l’année, et que l’ancien sera fermé pour des travaux.', 'fr'],
  ['El alcalde dijo el martes que el nuevo puente se abrirá al tráfico antes de que termine el año y que el viejo será cerrado por las obras.', 'es'],
  ['O prefeito disse na terça-feira que a nova ponte será aberta ao trânsito até o fim do ano e que a antiga não vai ser usada para os carros.', 'pt'],
  ['Il sindaco ha detto martedì che il nuovo ponte sarà aperto al traffico entro la fine dell’anno e che il vecchio sarà chiuso per i lavori della città.', 'it'],
  ['De burgemeester zei dinsdag dat de nieuwe brug voor het einde van het jaar open gaat voor het verkeer en dat de oude brug wordt gesloten.', 'nl'],
  ['Burmistrz powiedział we wtorek, że nowy most zostanie otwarty dla ruchu do końca roku, a stary jest już zamknięty dla samochodów.', 'pl'],
  ['Wali kota mengatakan pada hari Selasa bahwa jembatan baru akan dibuka untuk lalu lintas pada akhir tahun dan yang lama tidak akan dipakai lagi.', 'id'],
  ['Мэр заявил во вторник, что новый мост будет открыт для движения до конца года, а старый уже закрыт для машин.', 'ru'],
  ['Мер заявив у вівторок, що новий міст буде відкрито для руху до кінця року, а старий вже закрито для машин.', 'uk'],
  ['Ο δήμαρχος δήλωσε την Τρίτη ότι η νέα γέφυρα θα ανοίξει για την κυκλοφορία έως το τέλος του έτους.', 'el'],
  ['市長は火曜日、新しい橋が年末までに開通すると述べました。古い橋は閉鎖される予定です。', 'ja'],
  ['市长周二表示，新桥将在年底前通车，旧桥将被关闭。', 'zh'],
  ['시장은 화요일 새 다리가 연말까지 개통될 것이라고 말했다.', 'ko'],
  ['قال رئيس البلدية يوم الثلاثاء إن الجسر الجديد سيفتح أمام حركة المرور بحلول نهاية العام.', 'ar'],
  ['Palm Bay 18 22 13 17 — 70 Rockledge 14 11 6 15 — 44', null],
  ['OK', null],
];

for (const [text, want] of rows) {
  test(here + `${want ?? 'none'}: ${text.slice(0, 40)}`, () => {
    assert.equal(detectLanguage(text).language, want);
  });
}

test(here + 'confidence is high on clear text and stays within 0..1', () => {
  const { confidence } = detectLanguage(rows[1][0] + ' ' + rows[1][0]);
  assert.ok(confidence > 0.5 && confidence <= 1, String(confidence));
});

test(here + 'a page declaring one language over text in another: the text wins, with a message', () => {
  const body = rows[1][0];
  const html = `<html lang="en"><head><title>Brücke</title></head><body><article><p>${body}</p><p>${body.replace('Dienstag', 'Mittwoch')}</p></article></body></html>`;
  const a = extractHtml(html, { origin: 'lying-lang' });
  assert.equal(a.language, 'de');
  assert.equal(a.provenance.language, 'detected');
  assert.ok(a.messages.some((m) => m.rule === 'language:mismatch'));
});

test(here + 'an undeclared page gets the detected language', () => {
  const html = `<html><body><article><p>${rows[2][0]}</p><p>${rows[2][0]}</p></article></body></html>`;
  const a = extractHtml(html, { origin: 'no-lang' });
  assert.equal(a.language, 'fr');
  assert.equal(a.provenance.language, 'detected');
});
