import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** One transport per mail server URL, made on first use. */
const transports = new Map<string, Transporter>();

/** Sends one message through the configured server; throws when the server refuses it or cannot be reached. */
export async function sendMail(smtp: NonNullable<AppConfig['smtp']>, message: MailMessage): Promise<void> {
  let transport = transports.get(smtp.url);
  if (!transport) {
    transport = nodemailer.createTransport(smtp.url);
    transports.set(smtp.url, transport);
  }
  await transport.sendMail({ from: smtp.from, ...message });
}

/** Closes the connections (server stop, end of a test). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
