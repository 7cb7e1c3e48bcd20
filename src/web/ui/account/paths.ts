/** The portal's own addresses, below its basename /portal. */
export const paths = {
  login: "/login",
  secondFactor: "/login/verification",
  forgotPassword: "/forgot-password",
  myDetails: "/mijn-gegevens",
} as const;
