import { describe, expect, it } from 'vitest';
import { createResourceUnitMeter, resourceUnitCost } from './resource-units.js';

describe('resource units per Graph request', () => {
  it.each([
    ['GET', '/sites/contoso.sharepoint.com:/sites/kvalitet', 1],
    ['GET', '/sites/s/lists/Approvals?$expand=columns', 1],
    ['GET', '/sites/s/lists/l/items/12?$expand=fields', 1],
    ['GET', "/sites/s/lists/l/items?$expand=fields&$filter=fields/KhCode eq 'A'", 2],
    ['GET', '/sites/s/lists', 2],
    ['GET', '/sites/s/lists/l/columns', 2],
    ['GET', '/sites/s/lists/l/items/delta?$expand=fields', 2],
    ['GET', 'https://graph.microsoft.com/v1.0/sites/s/lists/l/items/delta?token=abc', 1],
    ['GET', '/drives/d/items/i/content', 1],
    ['POST', '/sites/s/lists', 2],
    ['PATCH', '/sites/s/lists/l/items/3/fields', 2],
    ['PUT', '/drives/d/items/root:/a.docx:/content', 2],
    ['DELETE', '/sites/s/lists/l/items/3', 2],
    ['GET', '/drives/d/items/i?$expand=permissions', 5],
  ])('%s %s costs %i', (method, url, units) => {
    expect(resourceUnitCost(method, url)).toBe(units);
  });
});

describe('the resource-unit meter', () => {
  it('keeps a sliding minute and says how long to wait before more fits', () => {
    const meter = createResourceUnitMeter(10);
    const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, seconds));
    meter.record(6, at(0));
    meter.record(3, at(20));
    expect(meter.spentInLastMinute(at(30))).toBe(9);
    expect(meter.waitBefore(1, at(30))).toBe(0);
    expect(meter.waitBefore(2, at(30))).toBe(30_000);
    expect(meter.spentInLastMinute(at(61))).toBe(3);
    expect(meter.total).toBe(9);
  });
});
