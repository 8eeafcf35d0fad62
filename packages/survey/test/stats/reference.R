# Reference values for packages/survey/src/stats, computed independently with R and psych.
#
# Regenerate (needs R and psych: apt-get install -y --no-install-recommends r-base-core r-cran-psych):
#   Rscript packages/survey/test/stats/reference.R > packages/survey/test/stats/reference-values.json
#   npx biome format --write packages/survey/test/stats/reference-values.json   (layout only; values unchanged)
#
# CI has no R: the tests only read the committed reference-values.json. Every dataset is written out
# inline below and copied into the JSON, so the tests compute on exactly the data R saw.

suppressPackageStartupMessages(library(psych))

# --- a minimal JSON writer (keeps the script free of packages beyond psych) -----------------------
num <- function(x) {
  if (is.na(x)) return("null")
  if (is.infinite(x)) stop("infinite value cannot go into JSON")
  formatC(x, digits = 17, format = "g")
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- vapply(names(x), function(n) paste0('"', n, '":', to_json(x[[n]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
  }
  if (is.character(x)) {
    items <- paste0('"', x, '"')
  } else if (is.logical(x) && all(is.na(x))) {
    items <- rep("null", length(x))
  } else if (is.logical(x)) {
    items <- ifelse(x, "true", "false")
  } else {
    items <- vapply(x, num, "")
  }
  # Length-1 vectors are scalars unless wrapped in I(); longer vectors are arrays.
  if (length(x) == 1 && !inherits(x, "AsIs")) return(items)
  paste0("[", paste(items, collapse = ","), "]")
}
rows_of <- function(m) lapply(seq_len(nrow(m)), function(i) I(unname(m[i, ])))

# --- quantile functions ------------------------------------------------------------------------------
t_probs <- c(0.0005, 0.005, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.995, 0.9995)
t_dfs <- c(1, 2, 3, 4.5, 7, 10, 29, 100, 1000, 1e5)
qt_cases <- list()
for (df in t_dfs) for (p in t_probs) qt_cases[[length(qt_cases) + 1]] <- list(p = p, df = df, q = qt(p, df))

f_probs <- c(0.001, 0.025, 0.05, 0.5, 0.95, 0.975, 0.999)
f_dfs <- list(c(1, 1), c(1, 10), c(2, 3), c(5, 33), c(11, 87), c(29, 87), c(99, 297), c(2, 2000), c(300, 12))
qf_cases <- list()
for (d in f_dfs) for (p in f_probs) {
  qf_cases[[length(qf_cases) + 1]] <- list(p = p, df1 = d[1], df2 = d[2], q = qf(p, d[1], d[2]))
}

z_probs <- c(1e-10, 0.001, 0.025, 0.05, 0.2, 0.5, 0.8, 0.95, 0.975, 0.995, 1 - 1e-10)
qnorm_cases <- lapply(z_probs, function(p) list(p = p, q = qnorm(p)))

# --- reliability datasets (respondents x items) -------------------------------------------------------
scales <- list(
  list(
    name = "vier-punts, samenhangend",
    data = matrix(c(
      3, 4, 3, 4,
      2, 2, 3, 2,
      4, 4, 4, 3,
      1, 2, 1, 2,
      3, 3, 4, 4,
      2, 3, 2, 2,
      4, 3, 4, 4,
      3, 3, 3, 2,
      1, 1, 2, 1,
      2, 2, 2, 3,
      4, 4, 3, 4,
      3, 2, 3, 3
    ), ncol = 4, byrow = TRUE)
  ),
  list(
    name = "vijf-punts, item 3 niet omgescoord",
    data = matrix(c(
      4, 5, 2, 4, 5,
      2, 2, 4, 3, 2,
      5, 4, 1, 5, 4,
      3, 3, 3, 2, 3,
      1, 2, 5, 1, 2,
      4, 4, 2, 4, 3,
      2, 1, 4, 2, 1,
      5, 5, 1, 4, 5,
      3, 4, 2, 3, 3,
      1, 1, 4, 2, 2
    ), ncol = 5, byrow = TRUE)
  ),
  list(
    name = "vijf-punts met ontbrekende antwoorden (listwise)",
    data = matrix(c(
      4, 4, 5, 3, 4, 3,
      3, NA, 3, 3, 2, 3,
      5, 4, 4, 5, 5, 4,
      2, 2, 3, 1, 2, 2,
      3, 4, 3, 3, NA, 3,
      4, 5, 4, 4, 4, 5,
      1, 2, 2, 2, 1, 1,
      NA, 3, 3, 4, 3, 3,
      3, 3, 4, 2, 3, 3,
      5, 5, 5, 4, 4, 5,
      2, 3, 2, 2, 3, 2,
      4, 4, 3, 4, 4, 4,
      3, 2, 3, 3, 3, NA,
      2, 1, 2, 3, 2, 2,
      4, 3, 5, 4, 4, 4
    ), ncol = 6, byrow = TRUE)
  )
)

level <- 0.95
reliability <- lapply(scales, function(s) {
  complete <- s$data[complete.cases(s$data), , drop = FALSE]
  n <- nrow(complete)
  k <- ncol(complete)
  # psych would use pairwise covariances on data with NA; we analyse listwise, so give it complete rows.
  a <- suppressWarnings(psych::alpha(as.data.frame(complete), check.keys = FALSE, warnings = FALSE))
  raw <- a$total$raw_alpha
  g <- 1 - level
  feldt <- c(1 - (1 - raw) * qf(1 - g / 2, n - 1, (n - 1) * (k - 1)), 1 - (1 - raw) * qf(g / 2, n - 1, (n - 1) * (k - 1)))
  ci <- psych::alpha.ci(raw, n, k, p.val = g)
  if (abs(ci$lower.ci - feldt[1]) > 1e-12 || abs(ci$upper.ci - feldt[2]) > 1e-12) stop("Feldt interval differs from psych::alpha.ci")
  list(
    name = s$name,
    data = lapply(seq_len(nrow(s$data)), function(i) I(unname(s$data[i, ]))),
    n = n,
    excluded = nrow(s$data) - n,
    k = k,
    alpha = raw,
    stdAlpha = a$total$std.alpha,
    itemVariances = I(unname(apply(complete, 2, var))),
    totalVariance = var(rowSums(complete)),
    feldtLow = feldt[1],
    feldtHigh = feldt[2],
    alphaIfDropped = I(unname(a$alpha.drop$raw_alpha)),
    itemRest = I(unname(a$item.stats$r.drop))
  )
})

# --- intra-class correlation of scores within groups (one-way ANOVA, unbalanced) -------------------
# ICC(1) = (MSB - MSW) / (MSB + (n0 - 1) MSW), n0 = (N - sum(n_j^2)/N) / (J - 1); the design effect
# of a mean over clustered respondents (Kish) is 1 + (m - 1) ICC with m = sum(n_j^2) / N.
clustered <- list(
  list(name = "groepen", groups = list(
    c(3.67, 4, 4.33, 3.33, 4, 4.67, 3.67),
    c(2.67, 3, 3.33, 2.33, 3, 3.67),
    c(3.33, 3.67, 4, 3, 3.67, 4.33, 3.33, 3.67, 4),
    c(4, 4.33, 4.67, 3.67, 4.33)
  )),
  list(name = "weinig verschil", groups = list(
    c(3, 4, 2, 5, 3, 4),
    c(4, 3, 5, 2, 3),
    c(3, 2, 4, 4, 5, 3, 2)
  ))
)
icc <- lapply(clustered, function(cl) {
  y <- unlist(cl$groups)
  g <- factor(rep(seq_along(cl$groups), vapply(cl$groups, length, 1L)))
  tab <- anova(lm(y ~ g))
  msb <- tab[["Mean Sq"]][1]
  msw <- tab[["Mean Sq"]][2]
  nj <- vapply(cl$groups, length, 1L)
  N <- sum(nj)
  J <- length(nj)
  n0 <- (N - sum(nj^2) / N) / (J - 1)
  value <- (msb - msw) / (msb + (n0 - 1) * msw)
  m <- sum(nj^2) / N
  list(name = cl$name, groups = lapply(cl$groups, function(x) I(x)), icc = value,
       deff = 1 + (m - 1) * max(0, value))
})

# --- means, two waves ---------------------------------------------------------------------------------
samples <- list(
  wave1 = c(3.25, 2.5, 3.75, 1.5, 3.5, 2.25, 3.75, 2.75, 1.25, 2.25, 3.75, 2.75, 3, 2.5),
  wave2 = c(3.5, 3, 3.75, 2.25, 3.75, 3, 4, 3.25, 2, 2.75, 4, 3.5, 3.25, 3.5, 2.75, 3.75, 3),
  small = c(4, 2, 5),
  wide = c(1, 10, 2, 9, 3, 8, 7, 1, 10, 5, 6, 4)
)
t_intervals <- list()
for (nm in names(samples)) for (lv in c(0.9, 0.95, 0.99)) {
  x <- samples[[nm]]
  tt <- t.test(x, conf.level = lv)
  t_intervals[[length(t_intervals) + 1]] <- list(
    sample = nm, level = lv, n = length(x), mean = mean(x), sd = sd(x), median = median(x),
    q25 = unname(quantile(x, 0.25)), low = tt$conf.int[1], high = tt$conf.int[2]
  )
}

pairs <- list(c("wave2", "wave1"), c("wave1", "wave2"), c("small", "wide"), c("wave1", "wide"))
two_groups <- list()
for (pr in pairs) for (lv in c(0.95, 0.9)) {
  a <- samples[[pr[1]]]
  b <- samples[[pr[2]]]
  w <- t.test(a, b, var.equal = FALSE, conf.level = lv)
  na <- length(a)
  nb <- length(b)
  sp <- sqrt(((na - 1) * var(a) + (nb - 1) * var(b)) / (na + nb - 2))
  d <- (mean(a) - mean(b)) / sp
  j <- 1 - 3 / (4 * (na + nb) - 9)
  g <- j * d
  se <- j * sqrt((na + nb) / (na * nb) + d^2 / (2 * (na + nb)))
  z <- qnorm(1 - (1 - lv) / 2)
  two_groups[[length(two_groups) + 1]] <- list(
    a = pr[1], b = pr[2], level = lv,
    difference = unname(w$estimate[1] - w$estimate[2]), welchLow = w$conf.int[1], welchHigh = w$conf.int[2],
    welchDf = unname(w$parameter),
    g = g, d = d, gSe = se, gLow = g - z * se, gHigh = g + z * se
  )
}

# --- proportions: prop.test without continuity correction is the Wilson score interval -------------
wilson_cases <- list(c(0, 10), c(3, 10), c(10, 10), c(17, 23), c(1, 5), c(45, 120), c(199, 200))
wilson <- list()
for (cs in wilson_cases) for (lv in c(0.95, 0.9)) {
  pt <- suppressWarnings(prop.test(cs[1], cs[2], conf.level = lv, correct = FALSE))
  wilson[[length(wilson) + 1]] <- list(
    successes = cs[1], n = cs[2], level = lv, p = cs[1] / cs[2], low = pt$conf.int[1], high = pt$conf.int[2]
  )
}

cat(to_json(list(
  generatedWith = paste0(R.version.string, ", psych ", packageVersion("psych")),
  qt = qt_cases,
  qf = qf_cases,
  qnorm = qnorm_cases,
  reliability = reliability,
  icc = icc,
  samples = lapply(samples, I),
  tIntervals = t_intervals,
  twoGroups = two_groups,
  wilson = wilson
)), "\n")
