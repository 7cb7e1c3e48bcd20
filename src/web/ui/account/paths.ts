/** The account pages' addresses, the same below each login area's basename. */
export const paths = {
  home: "/",
  login: "/login",
  secondFactor: "/login/verification",
  setUpSecondFactor: "/login/set-up",
  forgotPassword: "/forgot-password",
  myDetails: "/mijn-gegevens",
} as const;
