import { describe, expect, it } from 'vitest';
import { personas, policyRows, policyTableMarkdown } from './policy-table.js';
import { normaliseTable, policyTableIn, withPolicyTable } from './policy-table-doc.js';

const may = (act: string, persona: (typeof personas)[number]['key']) =>
  policyRows.find((row) => row.act === act)!.may(personas.find((candidate) => candidate.key === persona)!.actor);

describe('the policy table of docs/security.md', () => {
  it('finds and replaces the table between its markers, whatever Prettier did to its layout', () => {
    const document = withPolicyTable(
      '# Doc\n<!-- policy-table:start -->\nold\n<!-- policy-table:end -->\nEnd',
      '| a |',
    );
    expect(policyTableIn(document)).toBe('| a |');
    expect(normaliseTable('|  a  |  b |\n| :---: | ----- |')).toBe(normaliseTable('| a | b |\n| :-: | - |'));
    expect(policyTableMarkdown().split('\n')).toHaveLength(policyRows.length + 2);
  });

  it('says what the trust issue promised', () => {
    // Nobody approves their own work; authority is a leader's of the unit or above.
    expect(may('Approve or reject, when asked', 'author')).toBe(false);
    expect(may('Approve or reject, when asked', 'caseworker')).toBe(false);
    expect(may('Approve or reject, when asked', 'otherLeader')).toBe(false);
    expect(may('Approve or reject, when asked', 'natureLeader')).toBe(true);
    expect(may('Approve or reject, when asked', 'director')).toBe(true);
    // The owner does not choose the approver.
    expect(may('Change the approver', 'owner')).toBe(false);
    // Nobody checks an action they owned or implemented.
    expect(may('Check its effectiveness and close it', 'natureLeader')).toBe(false);
    expect(may('… an action the coordinator once owned', 'coordinator')).toBe(false);
    expect(may('… an action the coordinator once owned', 'admin')).toBe(true);
    // A leader's reach is their own unit and below.
    expect(may('Manage Natur’s competence requirements', 'otherLeader')).toBe(false);
    expect(may('Set Karen’s competence level (her own: a self-assessment)', 'otherLeader')).toBe(false);
    expect(may('Set Karen’s competence level (her own: a self-assessment)', 'director')).toBe(true);
  });
});
