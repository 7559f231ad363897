import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPrivateAddress } from '../../src/ingest/web/address.js';

// [address, private?]: the classifier decides what a fetch may connect to.
const ADDRESSES: [string, boolean][] = [
  ['127.0.0.1', true], ['127.8.9.10', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['172.32.0.1', false],
  ['172.15.255.255', false], ['192.168.1.1', true], ['169.254.169.254', true], ['169.254.0.1', true], ['100.64.0.1', true], ['100.128.0.1', false],
  ['0.0.0.0', true], ['0.1.2.3', true], ['224.0.0.1', true], ['239.255.255.250', true], ['255.255.255.255', true], ['198.18.0.1', true],
  ['192.0.0.170', true], ['192.0.2.1', true], ['198.51.100.7', true], ['203.0.113.9', true], ['240.0.0.1', true],
  ['8.8.8.8', false], ['151.101.1.69', false], ['1.1.1.1', false], ['11.0.0.1', false], ['192.169.0.1', false],
  ['::1', true], ['::', true], ['0:0:0:0:0:0:0:1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:169.254.169.254', true],
  ['::ffff:10.0.0.1', true], ['::127.0.0.1', true], ['::ffff:8.8.8.8', false], ['fe80::1', true], ['fe80::1%eth0', true], ['febf::1', true],
  ['fd00::1', true], ['fc12:3456::1', true], ['ff02::1', true], ['2001:db8::1', true], ['64:ff9b::a9fe:a9fe', true], ['64:ff9b::808:808', false],
  ['2002:7f00:1::', true], ['2002:0808:0808::', false], ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
  ['2a00:1450:4001::200e', false], ['2606:4700::1111', false],
  ['not-an-ip', true], ['', true], ['999.1.1.1', true], ['1.2.3', true],
];
for (const [ip, want] of ADDRESSES) test(`[web-address] ${ip || '(empty)'} is ${want ? 'refused' : 'allowed'}`, () => assert.equal(isPrivateAddress(ip), want));
