// Ports of the e2e stack, away from `npm run dev`'s (3000, 12111) so both can run at once.
export const e2ePorts = {
  app: Number(process.env.E2E_PORT ?? 3100),
  stripe: Number(process.env.E2E_STRIPE_PORT ?? 12112),
  smtp: Number(process.env.E2E_SMTP_PORT ?? 2527),
  smtpHttp: Number(process.env.E2E_SMTP_HTTP_PORT ?? 2528),
};
