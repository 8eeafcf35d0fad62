// Pages with results load the chart code; the login, password and error pages load nothing more.
const view = document.body.dataset.view;
if (view !== "login" && view !== "wachtwoord" && view !== "error") {
  import("./views.js")
    .then((views) => views[view]())
    .catch((error) => {
      const status = document.getElementById("status");
      if (status !== null) {
        status.textContent = error?.message ?? "Er ging iets mis.";
        status.classList.add("error");
      }
    });
}
