import { caseReplyEmail } from './case-reply.template';
import { caseStatusChangedEmail } from './case-status-changed.template';
import type { CaseEmailContext } from './rendered-email';

const context: CaseEmailContext = {
  portal: { name: 'Acme <Support>', slug: 'acme', branding: { primaryColor: '#00aa00' } },
  recipient: { firstName: 'Ann', lastName: 'Lee' },
  locale: 'en',
  link: 'https://portal.example.com/portal/acme/records/Case/c1',
  caseName: 'Printer <b>on fire</b>',
};

describe('case status changed template', () => {
  const email = caseStatusChangedEmail({ ...context, status: 'Closed' });

  it('names the case and its new status, with a link to the case', () => {
    expect(email.subject).toBe('Your case "Printer <b>on fire</b>" is now Closed');
    expect(email.text).toContain('Hello Ann Lee,');
    expect(email.text).toContain('The status of your case "Printer <b>on fire</b>" has changed to Closed.');
    expect(email.text).toContain(`View the case:\n${context.link}`);
    expect(email.text).toContain('turn these emails off in your profile');
  });

  it('escapes the case name in the HTML and uses the brand colour', () => {
    expect(email.html).toContain('Printer &lt;b&gt;on fire&lt;/b&gt;');
    expect(email.html).not.toContain('<b>on fire</b>');
    expect(email.html).toContain('background:#00aa00');
    expect(email.html).toContain(`href="${context.link}"`);
  });

  it('leaves the name out where it may not be read', () => {
    const hidden = caseStatusChangedEmail({ ...context, caseName: undefined, status: 'Pending' });
    expect(hidden.subject).toBe('Your case is now Pending');
    expect(hidden.text).toContain('The status of one of your cases has changed to Pending.');
    expect(hidden.text).not.toContain('Printer');
    expect(hidden.html).not.toContain('Printer');
  });

  it('keeps a name with line breaks on one subject line', () => {
    const email = caseStatusChangedEmail({ ...context, caseName: 'Two\r\nBcc: x@evil.test', status: 'New' });
    expect(email.subject).toBe('Your case "Two Bcc: x@evil.test" is now New');
  });
});

describe('case reply template', () => {
  it('quotes the comment in text and, escaped, in HTML', () => {
    const email = caseReplyEmail({ ...context, comment: 'Line one\nplease <try> again' });
    expect(email.subject).toBe('New reply on your case "Printer <b>on fire</b>"');
    expect(email.text).toContain('> Line one\n> please <try> again');
    expect(email.html).toContain('Line one<br>please &lt;try&gt; again');
    expect(email.text).toContain('View the case and reply:');
  });
});
