/** The supplier back office's pages, below `/eherkenning/beheer`. */
export const beheerPaths = {
  applications: "/aanvragen",
  application: (id: string) => `/aanvragen/${id}`,
  identifications: "/identificaties",
  identification: (id: string) => `/identificaties/${id}`,
  means: "/middelen",
  catalogue: "/catalogus",
  provider: (id: string) => `/catalogus/${id}`,
  serviceProviders: "/dienstverleners",
} as const;
