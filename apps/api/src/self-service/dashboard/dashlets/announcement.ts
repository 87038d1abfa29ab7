import type { Dashlet } from './dashlet';

/** Text the admin put in the dashlet's options. */
export const announcement: Dashlet = async ({ options }) => ({
  title: typeof options.title === 'string' ? options.title : null,
  text: typeof options.text === 'string' ? options.text : '',
});
