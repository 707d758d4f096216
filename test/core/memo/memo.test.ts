import { rememberRecent } from '../../../src/core/memo/recent';
import { rememberForFrozen } from '../../../src/core/memo/frozen';

describe('rememberRecent', () => {
  it('computes each key once while it stays among the most recently used', () => {
    const computed: string[] = [];
    const upper = rememberRecent(2, (key) => {
      computed.push(key);
      return { text: key.toUpperCase() };
    });
    expect(upper('a').text).toBe('A');
    expect(upper('a')).toBe(upper('a'));
    upper('b');
    upper('a'); // a is now the most recent: b goes first when c arrives
    upper('c');
    upper('a');
    upper('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('freezes results, inner objects too, so no caller can change what the next one gets', () => {
    const remember = rememberRecent(10, () => ({ items: [{ label: 'x' }] }));
    const value = remember('k');
    expect(() => value.items.push({ label: 'y' })).toThrow(TypeError);
    expect(() => {
      value.items[0]!.label = 'changed';
    }).toThrow(TypeError);
    expect(remember('k').items).toEqual([{ label: 'x' }]);
  });

  it('with size 0 keeps nothing', () => {
    let calls = 0;
    const remember = rememberRecent(0, () => ++calls);
    remember('k');
    remember('k');
    expect(calls).toBe(2);
  });
});

describe('rememberForFrozen', () => {
  it('makes a frozen argument’s result once, and anything else’s every time', () => {
    let calls = 0;
    const render = rememberForFrozen((reply: { text: string }) => ({ rendered: reply.text, call: ++calls }));
    const frozen = Object.freeze({ text: 'a' });
    expect(render(frozen)).toBe(render(frozen));
    const open = { text: 'b' };
    expect(render(open)).not.toBe(render(open));
    expect(calls).toBe(3);
  });
});
