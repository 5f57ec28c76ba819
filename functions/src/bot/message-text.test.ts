import { describe, expect, it } from 'vitest';
import { messageText } from './message-text.js';

describe('messageText: a Teams message body as plain text', () => {
  it.each([
    [{ contentType: 'html', content: '<div><div>Hej <b>alle</b></div><p>Linje 2</p></div>' }, 'Hej alle\nLinje 2'],
    [{ contentType: 'html', content: 'a<br>b<br/>c' }, 'a\nb\nc'],
    [{ contentType: 'html', content: '<ul><li>et</li><li>to</li></ul>' }, '• et\n• to'],
    [{ contentType: 'html', content: 'Bl&aring;b&aelig;r &amp; &lt;tags&gt; &#8211; &#x2713;' }, 'Blåbær & <tags> – ✓'],
    [{ contentType: 'html', content: '<at id="0">Anne</at> se <script>x()</script>her' }, 'Anne se her'],
    [{ contentType: 'html', content: '&#0; &#xD800; &bogus;' }, '&#0; &#xD800; &bogus;'],
    [{ contentType: 'text', content: '  <b>as is</b>\r\n\r\n\r\nend ' }, '<b>as is</b>\n\nend'],
    [null, ''],
  ])('%j → %j', (body, expected) => {
    expect(messageText(body)).toBe(expected);
  });
});
